using Conclave.ApiReference;

// Rewrites the generated part of docs/api.md from the service protos; run from anywhere inside the repository.
var root = new DirectoryInfo(Directory.GetCurrentDirectory());
while (root is not null && !File.Exists(Path.Combine(root.FullName, "Conclave.sln"))) root = root.Parent;
if (root is null)
{
    Console.Error.WriteLine("run inside the repository: no Conclave.sln above the current directory");
    return 1;
}
var path = Path.Combine(root.FullName, "docs", "api.md");
var current = File.ReadAllText(path);
var rendered = ApiReferenceDocument.Render(current);
File.WriteAllText(path, rendered);
Console.WriteLine(rendered == current ? $"{path} is up to date" : $"rewrote {path} ({ApiFacts.Routes.Count} routes)");
return 0;
