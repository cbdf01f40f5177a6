using Conclave.Domain.Common;
using Conclave.Domain.Users;
using Conclave.Infrastructure.Tests.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Tests.Persistence;

/// <summary>Arranging users and reading key-package rows; packages are told apart by their fifth byte.</summary>
internal static class KeyPackageRows
{
    public static async Task<UserId> NewUserAsync(this SqliteDatabase database)
    {
        var user = User.Register($"u{Guid.NewGuid():N}"[..20], "hash", "", 1);
        await database.WithDbAsync(db =>
        {
            db.Users.Add(user);
            return db.SaveChangesAsync();
        });
        return user.Id;
    }

    /// <summary>The user's stored packages: regular ones in insertion order, then the last-resort one.</summary>
    public static Task<List<int>> MarkersAsync(this SqliteDatabase database, UserId user) => database.WithDbAsync(db =>
        db.KeyPackages.Where(p => p.UserId == user).OrderBy(p => p.IsLastResort).ThenBy(p => p.Id).Select(p => (int)p.Data[4]).ToListAsync());
}
