namespace Conclave.Infrastructure.Sqlite.ReferenceImport;

/// <summary>How many rows of each kind were carried over, in the order they were written.</summary>
public sealed record ImportReport(IReadOnlyList<(string Kind, long Rows)> Counts);
