using Kompetensbron.Core.Profiles;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Persons;

/// <summary>The profile's steps, one question each, in the order a newcomer meets them.</summary>
public static class ProfileSteps
{
    public const string CheckAnswers = "/min-sida/profil";
    public const string Occupation = "/min-sida/profil/yrke";
    public const string FreeText = "/min-sida/profil/beskriv";
    public const string Skills = "/min-sida/profil/kompetenser";
    public const string Levels = "/min-sida/profil/niva";
    public const string Languages = "/min-sida/profil/sprak";
    public const string Licences = "/min-sida/profil/korkort";
    public const string Home = "/min-sida/profil/hem";
    public const string Commute = "/min-sida/profil/pendling";
    public const string Start = "/min-sida/profil/start";
    public const string Matches = "/min-sida/matchningar";
    public const string Path = "/min-sida/vag";

    /// <summary>The step routes in order; each "save and continue" goes to the next, the last to "check your answers".</summary>
    public static IReadOnlyList<string> InOrder { get; } = [Occupation, FreeText, Skills, Levels, Languages, Licences, Home, Commute, Start];

    public static string Next(string step)
    {
        var i = InOrder.ToList().IndexOf(step);
        return i >= 0 && i + 1 < InOrder.Count ? InOrder[i + 1] : CheckAnswers;
    }
}

/// <summary>A page that edits one part of the caller's own profile.</summary>
[Authorize(Policy = Roles.Person)]
public abstract class ProfileStepModel(ProfileEditor editor) : PageModel
{
    /// <summary>This step's route (one of <see cref="ProfileSteps"/>).</summary>
    public abstract string Route { get; }

    public Profile Profile { get; private set; } = null!;

    protected ProfileEditor Editor => editor;

    protected IStringLocalizer<PersonResource> Text => editor.Text;

    /// <summary>Where "save and continue" leads; "check your answers" when the person came from there.</summary>
    public string NextStep => Request.Query.ContainsKey("tillbaka") ? ProfileSteps.CheckAnswers : ProfileSteps.Next(Route);

    protected async Task<bool> LoadAsync(CancellationToken ct)
    {
        Profile = (await editor.FindAsync(User, ct))!;
        if (Profile is not null)
        {
            // Every form carries the profile's version; a save based on an older one is refused (VersionedForms).
            editor.Track(HttpContext, Profile);
            VersionedForms.ReportConflictFromQuery(HttpContext, EditedThing.Profile);
        }

        return Profile is not null;
    }

    /// <summary>A save refused because the profile changed meanwhile: back to this step with the current profile and a message.</summary>
    [NonHandler]
    public override void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Exception is DbUpdateConcurrencyException && !context.ExceptionHandled)
        {
            context.ExceptionHandled = true;
            context.Result = Redirect($"{Route}?{VersionedForms.ConflictQuery}=1");
        }
    }

    protected async Task<IActionResult> SaveAndContinueAsync(CancellationToken ct)
    {
        await editor.SaveAsync(Profile, User, ct);
        return Redirect(NextStep);
    }
}
