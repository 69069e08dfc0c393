namespace TechTransfer.SharedKernel;

/// <summary>
/// The optional body of an action that carries nothing else (submit, withdraw, activate, publish…): the <c>version</c> of the
/// record the client read. When given and stale, the action is refused with 409 <c>concurrency.conflict</c>
/// (<see cref="Error.StaleVersion"/>); when omitted, a concurrent save is still refused by the concurrency token.
/// </summary>
public sealed record VersionRequest(int? Version = null);
