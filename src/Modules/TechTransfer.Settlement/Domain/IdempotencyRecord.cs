namespace TechTransfer.Settlement.Domain;

/// <summary>
/// 幂等记录 (LG.6): a money command's key, the fingerprint of its parameters and the response it got, saved in the same
/// transaction as the transfer it posted — so after a crash either both exist (a retry replays) or neither (a retry runs).
/// </summary>
public sealed class IdempotencyRecord
{
    public const int OperationMax = 40, FingerprintMax = 64;

    private IdempotencyRecord() { }

    public IdempotencyRecord(string key, string operation, Guid dealId, string fingerprint, int status, string responseJson, Guid transferId, Guid? userId, DateTimeOffset now)
    {
        Key = key;
        Operation = operation;
        DealId = dealId;
        Fingerprint = fingerprint;
        Status = status;
        ResponseJson = responseJson;
        TransferId = transferId;
        UserId = userId;
        CreatedAt = now;
    }

    public string Key { get; private set; } = "";
    public string Operation { get; private set; } = "";
    public Guid DealId { get; private set; }
    public string Fingerprint { get; private set; } = "";
    public int Status { get; private set; }
    public string ResponseJson { get; private set; } = "";
    public Guid TransferId { get; private set; }
    public Guid? UserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
