namespace BotAutoOrder.Domain.Staff;

public enum StaffRole
{
    Owner,
    Admin,
}
