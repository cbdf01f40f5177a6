using System.Reflection;
using System.Runtime.InteropServices;
using System.Xml.Linq;

namespace Conclave.Api.IntegrationTests.Docs;

/// <summary>
/// The protoc of the Grpc.Tools package the server builds with: restore puts it in the NuGet packages folder (the
/// build records where that folder is), so a clean clone has it after its first build.
/// </summary>
public static class Protoc
{
    public static string Folder(string repositoryRoot)
    {
        var packages = typeof(Protoc).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        var version = XDocument.Load(Path.Combine(repositoryRoot, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == "Grpc.Tools").Attribute("Version")!.Value;
        var folder = Path.Combine(packages, "grpc.tools", version, "tools", Platform());
        Assert.True(File.Exists(Path.Combine(folder, "protoc")), $"no protoc in {folder}: restore and build src/Api first");
        return folder;
    }

    private static string Platform()
    {
        var os = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "macosx" : "windows";
        var architecture = RuntimeInformation.OSArchitecture switch { Architecture.Arm64 when os == "linux" => "arm64", Architecture.X86 => "x86", _ => "x64" };
        return $"{os}_{architecture}";
    }
}
