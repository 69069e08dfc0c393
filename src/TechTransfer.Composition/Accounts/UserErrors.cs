using TechTransfer.SharedKernel;

namespace TechTransfer.Composition.Accounts;

/// <summary>Failures of the user administration use cases.</summary>
public static class UserErrors
{
    public static readonly Error NotFound = Error.NotFound("user", "用户");

    public static readonly Error RemovalNotConfirmed = Error.Validation("confirmRemove", "user.removal_not_confirmed",
        "请勾选确认后再删除账户", "Tick the confirmation box to remove the account.");

    public static readonly Error CannotChangeSelf = new("user.cannot_change_self", "不能锁定、删除自己的账户或修改自己的角色",
        "You cannot lock or remove your own account or change your own roles.", Status: 409);

    public static readonly FieldError UserNameRequired = new("userName", "user.user_name_required", "请输入用户名", "Enter a user name.");

    public static readonly FieldError PasswordRequired = new("password", "user.password_required", "请输入密码", "Enter a password.");

    public static readonly FieldError DisplayNameRequired = new("displayName", "user.display_name_required", "请输入姓名", "Enter a display name.");

    /// <summary>The account page's role picker left empty (the API's list of roles is <see cref="RoleRequired"/>).</summary>
    public static readonly FieldError RoleNotChosen = new("role", "user.role_required", "请选择角色", "Choose a role.");

    public static readonly Error RoleRequired = Error.Validation("roles", "user.role_required", "至少需要一个角色", "At least one role is needed.");

    public static Error UnknownRole(IReadOnlyList<string> roles) => Error.Validation("roles", "user.unknown_role",
        $"未知角色：{string.Join(", ", roles)}", $"Unknown role: {string.Join(", ", roles)}.");

    public static readonly Error OrganizationRequired = Error.Validation("organizationId", "user.organization_required",
        "除平台管理员外，用户须属于一个机构", "Users other than platform admins belong to an organisation.");

    public static readonly Error UnknownOrganization = Error.Validation("organizationId", "user.unknown_organization", "机构不存在", "No such organisation.");

    public static readonly FieldError EmailInvalid = new("email", "user.email_invalid", "电子邮箱格式不正确", "Enter a valid e-mail address.");

    public static readonly FieldError NewPasswordRequired = new("newPassword", "user.new_password_required", "请输入新密码", "Enter the new password.");
}
