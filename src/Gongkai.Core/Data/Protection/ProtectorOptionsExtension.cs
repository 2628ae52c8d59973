using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Data.Protection;

/// <summary>
/// Carries the database's <see cref="IdentityProtector"/> in the context options instead of a constructor argument:
/// the options are built once per process and a pool of contexts can be made from them (EF Core's pooling needs a
/// constructor that takes the options only). It adds no services, so every key shares EF Core's internal service
/// provider; the model is still one per key (<c>ProtectorModelCacheKeyFactory</c>).
/// </summary>
public sealed class ProtectorOptionsExtension(IdentityProtector protector) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public IdentityProtector Protector { get; } = protector;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        /// <summary>Never the key: it would reach EF Core's logs.</summary>
        public override string LogFragment => "IdentityProtector ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}
