namespace Conclave.Infrastructure;

/// <summary>
/// Something that keeps resources between requests to save work while the server is busy (open connections and
/// their page caches), and gives them up when it has gone quiet: the idle memory trim calls it before returning
/// memory to the system.
/// </summary>
public interface IReleasableWhenIdle
{
    /// <summary>Closes what is kept and not in use; it is opened again when needed.</summary>
    void ReleaseIdle();
}
