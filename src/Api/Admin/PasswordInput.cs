namespace Conclave.Api.Admin;

// Passwords never come from the command line, where every user of the machine can read them (ps, shell history).
internal static class PasswordInput
{
    /// <summary>The new password: typed twice at a terminal, else the first line of standard input.</summary>
    public static string? Read(AdminConsole console)
    {
        if (console.PromptHidden is not { } prompt) return console.In.ReadLine() ?? "";
        var password = prompt("New password: ");
        if (prompt("Repeat it: ") == password) return password;
        console.Error.WriteLine("error: the passwords differ");
        return null;
    }

    /// <summary>Reads a line from the terminal without showing it.</summary>
    public static string PromptAtTerminal(string prompt)
    {
        Console.Error.Write(prompt);
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }
}
