namespace TechTransfer.ApiTests.Infrastructure;

// Test classes in one collection run one after another; each class still gets its own database (class fixture).
[CollectionDefinition("Postgres")]
public sealed class PostgresCollection;
