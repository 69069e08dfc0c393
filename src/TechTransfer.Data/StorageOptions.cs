namespace TechTransfer.Data;

/// <summary>Where data lives. <c>Storage:Provider</c> = Sqlite (default) | Postgres.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public string Provider { get; set; } = "Sqlite";
    /// <summary>Holds the SQLite file, the search index and uploaded attachments. Default <c>./data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
                              || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
