namespace Conclave.Application.Retention;

public sealed record CleanupReport(int Sessions, int Invites, int AgedMessages, int FetchedMessages)
{
    public int Messages => AgedMessages + FetchedMessages;
}
