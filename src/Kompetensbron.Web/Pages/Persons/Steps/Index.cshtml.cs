using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Web.Persons;
using Microsoft.AspNetCore.Mvc;

namespace Kompetensbron.Web.Pages.Persons.Steps;

/// <summary>"Check your answers": every step's answer with a link to change it; empty steps say so, so the person can resume.</summary>
public sealed class IndexModel(ProfileEditor editor, TaxonomyModel taxonomy, GeographyModel geography) : ProfileStepModel(editor)
{
    public override string Route => ProfileSteps.CheckAnswers;

    public TaxonomyModel Taxonomy => taxonomy;

    public string MunicipalityName => geography.FindMunicipality(Profile.MunicipalityCode)?.Name ?? Profile.MunicipalityCode;

    /// <summary>The first step with no answer yet, where "continue" resumes; null when every step has one.</summary>
    public string? ResumeAt =>
        Profile.Occupations.Count == 0 ? ProfileSteps.Occupation
        : Profile.Skills.Count == 0 ? ProfileSteps.FreeText
        : Profile.Languages.Count == 0 ? ProfileSteps.Languages
        : Profile.PlaceName is null ? ProfileSteps.Home
        : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();
}
