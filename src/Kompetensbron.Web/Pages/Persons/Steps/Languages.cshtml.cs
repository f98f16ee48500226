using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Mvc;

namespace Kompetensbron.Web.Pages.Persons.Steps;

/// <summary>Languages the person speaks, each at a CEFR level; a level of "none" removes the language.</summary>
public sealed class LanguagesModel(ProfileEditor editor, TaxonomyModel taxonomy) : ProfileStepModel(editor)
{
    public override string Route => ProfileSteps.Languages;

    /// <summary>Language id → level; an empty level removes it.</summary>
    [BindProperty]
    public Dictionary<string, CefrLevel?> Levels { get; set; } = [];

    [BindProperty]
    public string? NewLanguageId { get; set; }

    [BindProperty]
    public CefrLevel? NewLevel { get; set; }

    /// <summary>Every taxonomy language, by name.</summary>
    public IReadOnlyList<Language> Choices { get; } = taxonomy.Languages.OrderBy(l => l.Label, StringComparer.CurrentCulture).ToList();

    public string Label(string languageId) => taxonomy.FindLanguage(languageId)?.Label ?? languageId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? add, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        foreach (var (id, level) in Levels)
        {
            if (Profile.Languages.Find(l => l.LanguageId == id) is { } language)
            {
                if (level is { } chosen && Enum.IsDefined(chosen))
                {
                    language.Level = chosen;
                }
                else
                {
                    Profile.Languages.Remove(language);
                }
            }
        }

        if (NewLanguageId is not null && taxonomy.FindLanguage(NewLanguageId) is not null
            && NewLevel is { } newLevel && Enum.IsDefined(newLevel) && Profile.Languages.TrueForAll(l => l.LanguageId != NewLanguageId))
        {
            Profile.Languages.Add(new ProfileLanguage { LanguageId = NewLanguageId, Level = newLevel });
        }
        else if (add is not null)
        {
            ModelState.AddModelError(nameof(NewLanguageId), Text["Languages_ChooseBoth"]);
            return Page();
        }

        if (add is not null)
        {
            await Editor.SaveAsync(Profile, User, ct);
            return Redirect(Request.Path + Request.QueryString);
        }

        return await SaveAndContinueAsync(ct);
    }
}
