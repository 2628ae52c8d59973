using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Web.Pages;

/// <summary>
/// Tells the public pages' caches that what they show changed: a save through this site that adds, changes or removes
/// an agency, a division, a catalogue item (with its versions and steps), a category or a topic raises
/// <see cref="Generation"/> (the key of <see cref="PublicReferenceCache"/>) and evicts every page of the output cache,
/// once the transaction is committed. So a published, withdrawn or renamed item shows on the next request, not after
/// the cache's lifetime. Changes made by another process (the CLI's imports) still wait for the lifetime.
/// <para>
/// Whole caches are dropped, not one agency's entries: staff changes are rare beside public reads, and a page of one
/// agency (the home's list of agencies, a parent's column) can show another's names.
/// </para>
/// </summary>
public sealed class PublicContentChanges(IOutputCacheStore pages) : SaveChangesInterceptor
{
    /// <summary>The output-cache tag of every public page kept.</summary>
    public const string PageTag = "public-page";

    private readonly ConditionalWeakTable<DbContext, object> _pending = [];
    private long _generation;

    /// <summary>Raised after every committed change of public content; a cache entry keyed by an older value is never read.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Taken(eventData.Context))
        {
            Changed().AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Taken(eventData.Context))
        {
            await Changed();
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Taken(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Taken(eventData.Context);
        return Task.CompletedTask;
    }

    private ValueTask Changed()
    {
        Interlocked.Increment(ref _generation);
        return pages.EvictByTagAsync(PageTag, CancellationToken.None);
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsPublic(e.Metadata.ClrType)))
        {
            _pending.AddOrUpdate(context, context);
        }
    }

    private bool Taken(DbContext? context) => context is not null && _pending.Remove(context);

    /// <summary>What the column's pages show: agencies and divisions, and the 主动公开 catalogue.</summary>
    private static bool IsPublic(Type type) =>
        type.Namespace is "Gongkai.Domain.Agencies" or "Gongkai.Domain.Proactive";
}
