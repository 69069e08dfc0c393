using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Domain;

/// <summary>The registrar workbench's own state on a contract: which registrar it is assigned to (分派).</summary>
public sealed partial class TechnologyContract
{
    /// <summary>The registrar the contract is assigned to (分派承办人); null while unassigned.</summary>
    public Guid? AssignedRegistrarUserId { get; private set; }
    public string? AssignedRegistrarName { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }

    /// <summary>The registrar still has work on it: submitted, accepted, in expert review, awaiting supplements or under objection.</summary>
    public bool IsOnRegistrarQueue => Status is RegistrationStatus.Submitted or RegistrationStatus.Accepted or RegistrationStatus.ExpertReview
        or RegistrationStatus.SupplementRequested or RegistrationStatus.ObjectionFiled;

    /// <summary>Assigns the contract to a registrar (or moves it to another). Only contracts on the queue can be assigned.</summary>
    public Result AssignRegistrar(Guid registrarUserId, string registrarName, Guid? actorUserId, DateTimeOffset now)
    {
        if (!IsOnRegistrarQueue) return ContractErrors.WrongStatus(Status, "分派");
        if (AssignedRegistrarUserId == registrarUserId) return ContractErrors.AlreadyAssigned;
        AssignedRegistrarUserId = registrarUserId;
        AssignedRegistrarName = registrarName;
        AssignedAt = now;
        _history.Add(new StatusChange(Status, Status, now, actorUserId, "assign", registrarName));
        Touch(now);
        return Result.Success();
    }
}
