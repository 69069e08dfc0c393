using TechTransfer.SharedKernel;

namespace TechTransfer.Composition.Accounts;

/// <summary>Failures of sign-in, tokens and account administration, in both languages.</summary>
public static class AuthErrors
{
    /// <summary>Also the answer for a user name that does not exist, and for a wrong password on a locked account: nothing tells them apart.</summary>
    public static readonly Error InvalidCredentials = new("auth.invalid_credentials", "用户名或密码错误", "Wrong user name or password.", Status: 401);

    /// <summary>Only a caller who gave the right password learns that the account is locked.</summary>
    public static readonly Error LockedOut = new("auth.locked_out", "账户已锁定（登录失败次数过多或被管理员锁定），请稍后再试或联系管理员",
        "The account is locked (too many failed sign-ins, or locked by an administrator); try again later or ask an administrator.", Status: 423);

    public static readonly Error InvalidToken = new("auth.invalid_token", "登录令牌无效、已过期或已被撤销，请刷新令牌或重新登录",
        "The bearer token is invalid, expired or revoked; refresh it or sign in again.", Status: 401);

    public static readonly Error InvalidRefreshToken = new("auth.invalid_refresh_token", "刷新令牌无效、已过期或已被撤销，请重新登录",
        "The refresh token is invalid, expired or revoked; sign in again.", Status: 401);

    public static Error TooManyAttempts(TimeSpan retryAfter)
    {
        var seconds = RetryAfterSeconds(retryAfter);
        return new Error("auth.too_many_attempts", $"登录尝试过于频繁，请 {seconds} 秒后再试",
            $"Too many sign-in attempts; try again in {seconds} seconds.", Status: 429);
    }

    public static readonly FieldError UserNameRequired = new("userName", "auth.user_name_required", "请输入用户名", "Enter a user name.");

    public static readonly FieldError PasswordRequired = new("password", "auth.password_required", "请输入密码", "Enter a password.");

    public static readonly FieldError CurrentPasswordRequired = new("currentPassword", "auth.current_password_required", "请输入当前密码", "Enter the current password.");

    public static readonly FieldError NewPasswordRequired = new("newPassword", "auth.new_password_required", "请输入新密码", "Enter the new password.");

    public static readonly Error RefreshTokenRequired = Error.Validation("refreshToken", "auth.refresh_token_required", "请提供刷新令牌", "Give the refresh token.");

    public static int RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    public static readonly Error PasswordConfirmationMismatch = Error.Validation("confirmPassword", "auth.password_confirmation_mismatch",
        "两次输入的新密码不一致", "The two new passwords differ.");

    public static readonly Error WrongCurrentPassword = Error.Validation("currentPassword", "auth.wrong_current_password",
        "当前密码不正确", "The current password is wrong.");
}
