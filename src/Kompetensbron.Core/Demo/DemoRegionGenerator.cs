using System.Globalization;
using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Workforce;
using static Kompetensbron.Core.Demo.DemoCatalogue;

namespace Kompetensbron.Core.Demo;

/// <summary>
/// Builds the fictional Gnosjö-region demo data set from real JobTech ids and real places. Deterministic: the same
/// seed and reference date give identical data (one <see cref="Random"/> passed through, no clock).
/// </summary>
public static class DemoRegionGenerator
{
    /// <summary>The seed the app and CLI use unless told otherwise.</summary>
    public const int DefaultSeed = 617;

    public const int EmployerCount = 72;
    public const int ProfileCount = 880;
    public const int MinimumNeedCount = 160;

    public static DemoRegion Generate(int seed, DateOnly today)
    {
        var generator = new Generator(new Random(seed), today);
        var employers = generator.Employers();
        var providers = generator.Providers();
        var profiles = generator.Profiles();
        return new DemoRegion(employers, providers, profiles);
    }

    private sealed record Industry(DemoCode Sni, string[] Words, DemoOccupation[] Occupations, int Weight);

    private sealed record ProviderTemplate(
        string Name, DemoCode Sni, string[] PlaceNames, ProgrammeTemplate[] Programmes);

    private sealed record ProgrammeTemplate(
        string Title, ProgrammeLevel Level, DemoCode Field, DemoCode? SunLevel, int LengthWeeks, int Seats,
        Intake Intake, DemoSkill[] Skills, bool IsDistance = false, string? Description = null);

    private enum Intake
    {
        Autumn,
        SpringAndAutumn,
        Monthly,
        Quarterly,
    }

    private static readonly Industry[] Industries =
    [
        new(SniMachining, ["Mekaniska Verkstad", "Svarv", "Precisionsmekanik", "CNC-Teknik", "Fräs & Svarv", "Legoteknik", "Mekaniska"],
            [CncOperator, Turner, MachineOperator, Grinder, QualityTechnician, ProductionTechnician, MaintenanceMechanic, WarehouseWorker], 6),
        new(SniMetalStructures, ["Stålkonstruktion", "Smide & Stål", "Svets", "Stål & Svets"],
            [Welder, SheetMetalWorker, MachineOperator, MetalAssembler, IndustrialPainter, ForkliftDriver], 2),
        new(SniOtherMetalProducts, ["Metallvaror", "Plåt", "Bockteknik", "Plåt & Press", "Metall"],
            [SheetMetalWorker, MachineOperator, Welder, MetalAssembler, RobotOperator, WarehouseWorker], 4),
        new(SniWireAndSprings, ["Tråd & Fjäder", "Fjäder", "Trådteknik"],
            [MachineOperator, CncOperator, MetalAssembler, RobotOperator, QualityTechnician], 2),
        new(SniForging, ["Press", "Pressteknik", "Smide"],
            [MachineOperator, Toolmaker, RobotOperator, MaintenanceMechanic], 1),
        new(SniCoating, ["Ytbehandling", "Lackering", "Pulverlack", "Förzinkning"],
            [SurfaceTreatmentOperator, IndustrialPainter, ForkliftDriver, QualityTechnician], 2),
        new(SniTools, ["Verktyg", "Verktygsteknik", "Verktygsmakeri"],
            [Toolmaker, CncOperator, Grinder, ProductionTechnician], 2),
        new(SniLocksAndHinges, ["Beslag", "Lås & Beslag"],
            [MetalAssembler, MachineOperator, RobotOperator, CncOperator, WarehouseWorker], 1),
        new(SniPlastics, ["Plast", "Plastteknik", "Formspruteri", "Plastprodukter"],
            [PlasticsOperator, PlasticsSetter, InjectionMouldingTechnician, PlasticAssembler, Toolmaker, QualityTechnician, WarehouseWorker], 5),
        new(SniPlasticPackaging, ["Förpackning", "Emballage"],
            [PlasticsOperator, PlasticsSetter, WarehouseWorker, ForkliftDriver], 1),
        new(SniLiftingEquipment, ["Lyftteknik", "Lyft & Hantering"],
            [Welder, MetalAssembler, IndustrialElectrician, CncOperator, ProductionTechnician], 1),
        new(SniSpecialMachinery, ["Maskin", "Maskinteknik", "Industrimaskiner", "Specialmaskiner"],
            [MetalAssembler, AutomationTechnician, Welder, CncOperator, ProductionTechnician, IndustrialElectrician, ElectricalAssembler], 2),
        new(SniInstallation, ["Automation", "Industriservice", "Elautomatik", "Robotservice"],
            [AutomationTechnician, IndustrialElectrician, MaintenanceMechanic, RobotTechnician], 2),
        new(SniLighting, ["Belysning", "Armatur"],
            [ElectricalAssembler, MetalAssembler, SheetMetalWorker, IndustrialPainter, WarehouseWorker], 1),
        new(SniVehicleParts, ["Fordonskomponenter", "Komponent"],
            [CncOperator, RobotOperator, Welder, QualityTechnician, ProductionSupervisor, MachineOperator], 2),
        new(SniWarehousing, ["Logistik", "Lager & Logistik"],
            [WarehouseWorker, ForkliftDriver, ProductionSupervisor], 1),
    ];

    /// <summary>Employers per municipality: the Gnosjö region's dense small-industry pattern, plus Jönköping.</summary>
    private static readonly (string Municipality, int Count)[] EmployersPerMunicipality =
        [("0617", 18), ("0662", 18), ("0683", 16), ("0665", 9), ("0680", 11)];

    /// <summary>Rough relative population of the places, for where people live and companies are.</summary>
    private static readonly Dictionary<string, int> PlaceWeights = new(StringComparer.Ordinal)
    {
        ["Jönköping"] = 30,
        ["Värnamo"] = 16,
        ["Gislaved"] = 10,
        ["Anderstorp"] = 6,
        ["Smålandsstenar"] = 6,
        ["Gnosjö"] = 8,
        ["Hillerstorp"] = 4,
        ["Vaggeryd"] = 7,
        ["Skillingaryd"] = 6,
        ["Bankeryd"] = 5,
        ["Tenhult"] = 3,
        ["Taberg"] = 3,
        ["Gränna"] = 3,
        ["Bredaryd"] = 3,
        ["Forsheda"] = 3,
        ["Reftele"] = 3,
        ["Burseryd"] = 2,
        ["Rydaholm"] = 2,
    };

    private static readonly (NeedKind Kind, int Weight)[] NeedKindWeights =
    [
        (NeedKind.Job, 45), (NeedKind.Apprenticeship, 12), (NeedKind.AplPlace, 15), (NeedKind.Internship, 10),
        (NeedKind.SummerJob, 12), (NeedKind.Trainee, 6),
    ];

    /// <summary>Age bands of workforce cohorts with their share of staff: a real retirement bulge at 55–64.</summary>
    private static readonly (int From, int To, double Share)[] AgeBands =
        [(18, 24, 0.07), (25, 34, 0.16), (35, 44, 0.17), (45, 54, 0.24), (55, 59, 0.18), (60, 64, 0.16), (65, 67, 0.02)];

    private static readonly ProviderTemplate[] ProviderTemplates = BuildProviderTemplates();

    private sealed class Generator(Random random, DateOnly today)
    {
        private readonly HashSet<string> organisationNumbers = new(StringComparer.Ordinal);
        private readonly HashSet<string> organisationNames = new(StringComparer.Ordinal);
        private readonly DateTimeOffset now = new(today.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);

        public List<DemoEmployer> Employers()
        {
            var employers = new List<DemoEmployer>(EmployerCount);
            var kindCursor = 0;
            foreach (var (municipality, count) in EmployersPerMunicipality)
            {
                var places = Places.Where(p => p.MunicipalityCode == municipality).ToArray();
                for (var i = 0; i < count; i++)
                {
                    employers.Add(Employer(places, ref kindCursor));
                }
            }

            // Top up so the data set always has enough needs to show ranking and filters.
            var total = employers.Sum(e => e.Needs.Count);
            while (total < MinimumNeedCount)
            {
                var index = random.Next(employers.Count);
                var employer = employers[index];
                var industry = Industries.First(i => i.Sni.Code == employer.Organisation.SniCode);
                var needs = employer.Needs.Append(Need(employer.Organisation, industry, Pick(employer.Organisation.Sites), WeightedKind())).ToList();
                employers[index] = employer with { Needs = needs };
                total++;
            }

            return employers;
        }

        private DemoEmployer Employer(DemoPlace[] places, ref int kindCursor)
        {
            var industry = Weighted(Industries, i => i.Weight);
            var place = Weighted(places, p => PlaceWeight(p.Name));
            var organisation = new Organisation
            {
                Kind = OrganisationKind.Employer,
                Name = EmployerName(industry, place),
                OrganisationNumber = NewOrganisationNumber(),
                SniCode = industry.Sni.Code,
                IsApproved = random.NextDouble() < 0.95,
                IsDemo = true,
                CreatedAt = now.AddDays(-random.Next(30, 700)),
            };
            organisation.Sites.Add(SiteAt(place, random.NextDouble() < 0.5 ? place.Name : "Huvudfabriken"));
            if (random.NextDouble() < 0.2)
            {
                var second = Weighted(places, p => PlaceWeight(p.Name));
                if (second != place)
                {
                    organisation.Sites.Add(SiteAt(second, $"Fabriken i {second.Name}"));
                }
            }

            // Staff size: mostly small and medium firms, a few larger ones.
            var staff = random.NextDouble() switch
            {
                < 0.45 => random.Next(8, 30),
                < 0.85 => random.Next(30, 90),
                _ => random.Next(90, 260),
            };

            var needCount = 1 + random.Next(0, 3) + (staff > 60 ? 1 : 0);
            var needs = new List<DemoNeed>(needCount);
            for (var i = 0; i < needCount; i++)
            {
                // The first six needs of the region cover every kind; the rest follow the weights.
                var kind = kindCursor < NeedKindWeights.Length ? NeedKindWeights[kindCursor++].Kind : WeightedKind();
                needs.Add(Need(organisation, industry, Pick(organisation.Sites), kind));
            }

            return new DemoEmployer(organisation, needs, Cohorts(industry, staff));
        }

        private NeedKind WeightedKind() => Weighted(NeedKindWeights, k => k.Weight).Kind;

        private DemoNeed Need(Organisation organisation, Industry industry, Site site, NeedKind kind)
        {
            var candidates = kind == NeedKind.Trainee
                ? industry.Occupations.Where(o => o.Ssyk4Code.StartsWith('3')).DefaultIfEmpty(ProductionTechnician).ToArray()
                : industry.Occupations;
            var occupation = Pick(candidates);
            var (requiredCount, meritingCount) = kind switch
            {
                NeedKind.Job => (random.Next(3, 6), random.Next(1, 4)),
                NeedKind.Trainee => (random.Next(2, 4), random.Next(1, 3)),
                NeedKind.Internship => (random.Next(0, 2), random.Next(2, 4)),
                _ => (random.Next(0, 2), random.Next(1, 4)),
            };

            var skills = new List<NeedSkill>();
            var core = occupation.Skills.Take(Math.Max(requiredCount + 1, 6)).ToList();
            foreach (var skill in Sample(core, requiredCount))
            {
                skills.Add(new NeedSkill { SkillId = skill.Id, IsRequired = true, Importance = random.Next(2, 4) });
            }

            var rest = occupation.Skills.Where(s => skills.TrueForAll(n => n.SkillId != s.Id)).ToList();
            foreach (var skill in Sample(rest, meritingCount))
            {
                skills.Add(new NeedSkill { SkillId = skill.Id, IsRequired = false, Importance = random.Next(1, 3) });
            }

            var licences = kind is NeedKind.Job or NeedKind.Trainee
                ? occupation.TypicalLicences.Where(_ => random.NextDouble() < 0.5).ToList()
                : occupation.TypicalLicences.Where(l => l == "B" && random.NextDouble() < 0.2).ToList();

            var isOperator = occupation.Ssyk4Code[0] is '7' or '8';
            var createdAt = now.AddDays(-random.Next(1, 90)).AddMinutes(random.Next(0, 600));
            var label = occupation.Label.Split('/')[0];
            var need = new Need
            {
                Kind = kind,
                Title = Title(kind, label, isOperator),
                Description = Description(kind, organisation.Name, label, site.PlaceName ?? site.Name),
                OccupationId = occupation.Id,
                Headcount = kind switch
                {
                    NeedKind.Job => random.Next(1, 4),
                    NeedKind.AplPlace or NeedKind.SummerJob => random.Next(1, 5),
                    _ => random.Next(1, 3),
                },
                Skills = skills,
                Licences = licences,
                MinimumSwedishLevel = SwedishLevelFor(kind),
                ShiftWork = isOperator && (kind is NeedKind.Job or NeedKind.SummerJob) && random.NextDouble() < 0.5,
                StartDate = StartDateFor(kind),
                Status = random.NextDouble() switch
                {
                    < 0.85 => NeedStatus.Open,
                    < 0.92 => NeedStatus.Draft,
                    < 0.97 => NeedStatus.Filled,
                    _ => NeedStatus.Closed,
                },
                CreatedAt = createdAt,
                UpdatedAt = Min(createdAt.AddDays(random.Next(0, 10)), now),
            };
            return new DemoNeed(need, site);
        }

        private static string Title(NeedKind kind, string label, bool isOperator) => kind switch
        {
            NeedKind.Job => isOperator ? $"{label} till vår produktion" : label,
            NeedKind.Apprenticeship => $"Lärlingsplats: {label}",
            NeedKind.AplPlace => $"APL-plats: {label}",
            NeedKind.Internship => $"Praktikplats: {label}",
            NeedKind.SummerJob => $"Sommarjobb: {label}",
            _ => $"Traineeplats: {label}",
        };

        private static string Description(NeedKind kind, string organisation, string label, string place) => kind switch
        {
            NeedKind.Job => $"{organisation} söker {label.ToLower(CultureInfo.GetCultureInfo("sv-SE"))} i {place}. Introduktion och handledning på plats.",
            NeedKind.Apprenticeship => $"Lärlingsplats hos {organisation} i {place}: du lär dig yrket med en erfaren handledare.",
            NeedKind.AplPlace => $"APL-plats för elever på industri- eller elprogrammet hos {organisation} i {place}.",
            NeedKind.Internship => $"Praktik hos {organisation} i {place}, passar dig som vill prova industrin eller öva svenska på jobbet.",
            NeedKind.SummerJob => $"Sommarjobb i produktionen hos {organisation} i {place}. Ingen tidigare erfarenhet krävs.",
            _ => $"Traineeprogram hos {organisation} i {place} med rotation mellan produktion, kvalitet och teknik.",
        };

        private CefrLevel? SwedishLevelFor(NeedKind kind)
        {
            var roll = random.NextDouble();
            return kind switch
            {
                NeedKind.Job => roll switch { < 0.1 => null, < 0.2 => CefrLevel.A2, < 0.7 => CefrLevel.B1, _ => CefrLevel.B2 },
                NeedKind.Trainee => roll < 0.6 ? CefrLevel.B2 : CefrLevel.C1,
                NeedKind.Internship => roll switch { < 0.3 => null, < 0.6 => CefrLevel.A1, _ => CefrLevel.A2 },
                NeedKind.SummerJob => roll < 0.3 ? CefrLevel.A2 : CefrLevel.B1,
                _ => roll < 0.4 ? null : CefrLevel.A2,
            };
        }

        private DateOnly StartDateFor(NeedKind kind) => kind switch
        {
            NeedKind.SummerJob => Next(6, 10),
            NeedKind.Apprenticeship or NeedKind.AplPlace => random.NextDouble() < 0.5 ? Next(8, 19) : Next(1, 13),
            NeedKind.Trainee => Next(9, 1),
            _ => today.AddDays(random.Next(14, 120)),
        };

        /// <summary>The next date on or after today with this month and day.</summary>
        private DateOnly Next(int month, int day)
        {
            var date = new DateOnly(today.Year, month, day);
            return date >= today ? date : date.AddYears(1);
        }

        private List<WorkforceCohort> Cohorts(Industry industry, int staff)
        {
            var occupations = Sample(industry.Occupations, Math.Min(industry.Occupations.Length, random.Next(3, 6)));
            var byGender = random.NextDouble() < 0.5;
            var cohorts = new List<WorkforceCohort>();
            var remaining = staff;
            for (var i = 0; i < occupations.Count; i++)
            {
                var occupation = occupations[i];
                var inOccupation = i == occupations.Count - 1 ? remaining : Math.Max(1, (int)(remaining * (0.3 + (random.NextDouble() * 0.3))));
                remaining = Math.Max(0, remaining - inOccupation);
                foreach (var (from, to, share) in AgeBands)
                {
                    var count = (int)Math.Round((inOccupation * share) + ((random.NextDouble() - 0.5) * 2));
                    if (count <= 0)
                    {
                        continue;
                    }

                    if (byGender)
                    {
                        // Manufacturing in the region is strongly male-dominated; the gender balance dashboards show it.
                        var women = (int)Math.Round(count * (0.08 + (random.NextDouble() * 0.14)));
                        Add(cohorts, occupation, from, to, Gender.Man, count - women);
                        Add(cohorts, occupation, from, to, Gender.Woman, women);
                    }
                    else
                    {
                        Add(cohorts, occupation, from, to, null, count);
                    }
                }
            }

            return cohorts;

            static void Add(List<WorkforceCohort> cohorts, DemoOccupation occupation, int from, int to, Gender? gender, int count)
            {
                if (count > 0)
                {
                    cohorts.Add(new WorkforceCohort { OccupationId = occupation.Id, AgeFrom = from, AgeTo = to, Gender = gender, Count = count });
                }
            }
        }

        public List<DemoProvider> Providers()
        {
            var providers = new List<DemoProvider>(ProviderTemplates.Length);
            foreach (var template in ProviderTemplates)
            {
                var organisation = new Organisation
                {
                    Kind = OrganisationKind.EducationProvider,
                    Name = template.Name,
                    OrganisationNumber = NewOrganisationNumber(),
                    SniCode = template.Sni.Code,
                    IsApproved = true,
                    IsDemo = true,
                    CreatedAt = now.AddDays(-random.Next(60, 700)),
                };
                organisationNames.Add(template.Name);
                foreach (var name in template.PlaceNames)
                {
                    organisation.Sites.Add(SiteAt(Places.First(p => p.Name == name), name));
                }

                var programmes = new List<DemoProgramme>(template.Programmes.Length);
                foreach (var p in template.Programmes)
                {
                    var site = p.IsDistance ? null : Pick(organisation.Sites);
                    var createdAt = now.AddDays(-random.Next(10, 300));
                    programmes.Add(new DemoProgramme(
                        new Programme
                        {
                            Title = p.Title,
                            Description = p.Description,
                            SunFieldCode = p.Field.Code,
                            SunLevelCode = p.SunLevel?.Code,
                            Level = p.Level,
                            SkillIds = p.Skills.Select(s => s.Id).Distinct().ToList(),
                            LengthWeeks = p.LengthWeeks,
                            StartDates = StartDates(p.Intake),
                            Seats = p.Seats + random.Next(0, 5),
                            IsDistance = p.IsDistance,
                            CreatedAt = createdAt,
                            UpdatedAt = createdAt,
                        },
                        site));
                }

                providers.Add(new DemoProvider(organisation, programmes));
            }

            return providers;
        }

        private List<DateOnly> StartDates(Intake intake) => intake switch
        {
            Intake.Autumn => [Next(8, 18)],
            Intake.SpringAndAutumn => [.. new[] { Next(1, 12), Next(8, 18) }.Order()],
            Intake.Quarterly => [.. Enumerable.Range(0, 4).Select(q => FirstMonday(today.AddMonths(1 + (q * 3))))],
            _ => [.. Enumerable.Range(0, 6).Select(m => FirstMonday(today.AddMonths(1 + m)).AddDays(7 * random.Next(0, 3)))],
        };

        private static DateOnly FirstMonday(DateOnly inMonth)
        {
            var first = new DateOnly(inMonth.Year, inMonth.Month, 1);
            return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
        }

        public List<Profile> Profiles()
        {
            // Fixed quotas (shuffled) so all four target groups are always present in useful numbers.
            var groups = new List<TargetGroup?>(ProfileCount);
            groups.AddRange(Enumerable.Repeat<TargetGroup?>(TargetGroup.Youth, 250));
            groups.AddRange(Enumerable.Repeat<TargetGroup?>(TargetGroup.NewlyArrived, 200));
            groups.AddRange(Enumerable.Repeat<TargetGroup?>(TargetGroup.Unemployed, 210));
            groups.AddRange(Enumerable.Repeat<TargetGroup?>(TargetGroup.CareerChanger, 190));
            groups.AddRange(Enumerable.Repeat<TargetGroup?>(null, ProfileCount - groups.Count));
            Shuffle(groups);
            return groups.Select(Profile).ToList();
        }

        private Profile Profile(TargetGroup? group)
        {
            var place = Weighted(Places, p => PlaceWeight(p.Name));
            var gender = GenderFor(group);
            var newcomerLanguage = group switch
            {
                TargetGroup.NewlyArrived => Pick(NewcomerLanguages),
                TargetGroup.Youth when random.NextDouble() < 0.2 => Pick(NewcomerLanguages),
                TargetGroup.CareerChanger or TargetGroup.Unemployed or null when random.NextDouble() < 0.15 => Pick(NewcomerLanguages),
                _ => null,
            };
            var createdAt = now.AddDays(-random.Next(1, 400)).AddMinutes(random.Next(0, 900));
            var profile = new Profile
            {
                DisplayName = PersonName(gender, newcomerLanguage),
                MunicipalityCode = place.MunicipalityCode,
                PlaceName = place.Name,
                PostalCode = place.PostalCode,
                Latitude = Jitter(place.Latitude),
                Longitude = Jitter(place.Longitude),
                Gender = gender,
                TargetGroup = group,
                Visibility = random.NextDouble() switch
                {
                    < 0.72 => ProfileVisibility.PseudonymousToApprovedEmployers,
                    < 0.90 => ProfileVisibility.Visible,
                    _ => ProfileVisibility.Hidden,
                },
                AvailableFrom = random.NextDouble() < 0.8 ? today.AddDays(random.Next(0, 60)) : null,

                // The demo's young people have chosen to take part in placement rounds (APL).
                JoinsPlacementRounds = group == TargetGroup.Youth,
                IsDemo = true,
                CreatedAt = createdAt,
                UpdatedAt = Min(createdAt.AddDays(random.Next(0, 60)), now),
            };

            switch (group)
            {
                case TargetGroup.Youth:
                    Youth(profile);
                    break;
                case TargetGroup.NewlyArrived:
                    NewlyArrived(profile);
                    break;
                case TargetGroup.CareerChanger:
                    CareerChanger(profile);
                    break;
                default:
                    Unemployed(profile);
                    break;
            }

            Languages(profile, group, newcomerLanguage);
            Commute(profile, group);
            return profile;
        }

        private void Youth(Profile profile)
        {
            // Upper-secondary or recently finished: skills from school, perhaps a summer job.
            var studied = Pick([CncOperator, MachineOperator, Welder, MetalAssembler, IndustrialElectrician, WarehouseWorker, PlasticsOperator, AutomationTechnician]);
            AddSkills(profile, studied.Skills.Take(8).ToList(), random.Next(2, 5), 1, 2, SkillEvidence.Education);
            if (random.NextDouble() < 0.35)
            {
                var summerJob = Pick([WarehouseWorker, MachineOperator, RestaurantAssistant, GrocerySalesAssistant, MetalAssembler]);
                AddOccupation(profile, summerJob, Math.Round((decimal)(0.2 + (random.NextDouble() * 0.8)), 1));
                AddSkills(profile, summerJob.Skills, random.Next(1, 3), 1, 2, SkillEvidence.Work);
            }

            MaybeLicence(profile, "B", 0.4);
            MaybeLicence(profile, "TRUCK_A", 0.2);
        }

        private void NewlyArrived(Profile profile)
        {
            var experience = Weighted(
                [(Welder, 4), (Carpenter, 4), (CarMechanic, 3), (InstallationElectrician, 2), (DeliveryDriver, 3), (CncOperator, 2),
                 (Turner, 2), (MachineOperator, 3), (Cook, 3), (CareAssistant, 3), (Cleaner, 3), (SpecialistSalesAssistant, 2),
                 (Toolmaker, 1), (SheetMetalWorker, 2), (MetalAssembler, 2)],
                o => o.Item2).Item1;
            AddOccupation(profile, experience, random.Next(1, 16));
            var evidence = random.NextDouble() < 0.15 ? SkillEvidence.Validated : SkillEvidence.Work;
            AddSkills(profile, experience.Skills, random.Next(3, 7), 2, 3, evidence);
            MaybeLicence(profile, "B", 0.4);
            MaybeLicence(profile, "TRUCK_B", 0.1);
        }

        private void Unemployed(Profile profile)
        {
            var previous = Pick([MachineOperator, MetalAssembler, WarehouseWorker, ForkliftDriver, CncOperator, PlasticsOperator, Welder, IndustrialPainter, SurfaceTreatmentOperator, ElectricalAssembler]);
            AddOccupation(profile, previous, random.Next(1, 26));
            AddSkills(profile, previous.Skills, random.Next(3, 8), 2, 4, SkillEvidence.Work);
            if (random.NextDouble() < 0.3)
            {
                var earlier = Pick(IndustryOccupations);
                if (profile.Occupations.TrueForAll(o => o.OccupationId != earlier.Id))
                {
                    AddOccupation(profile, earlier, random.Next(1, 6));
                    AddSkills(profile, earlier.Skills, random.Next(1, 4), 1, 3, SkillEvidence.Work);
                }
            }

            MaybeLicence(profile, "B", 0.8);
            MaybeLicence(profile, "TRUCK_A", 0.3);
            MaybeLicence(profile, "TRUCK_B", 0.3);
            MaybeLicence(profile, "TRAVERS", 0.15);
        }

        private void CareerChanger(Profile profile)
        {
            var origin = Pick([GrocerySalesAssistant, SpecialistSalesAssistant, Cashier, AssistantNurse, CareAssistant, PersonalAssistant, RestaurantAssistant, Cook, ChildMinder, Cleaner]);
            AddOccupation(profile, origin, random.Next(2, 21));
            AddSkills(profile, origin.Skills, random.Next(3, 6), 2, 4, SkillEvidence.Work);
            if (random.NextDouble() < 0.4)
            {
                // A short course or validation towards industry.
                var towards = Pick([MachineOperator, WarehouseWorker, CncOperator, PlasticsOperator, MetalAssembler]);
                AddSkills(profile, towards.Skills.Take(6).ToList(), random.Next(1, 4), 1, 1, SkillEvidence.Education);
            }

            MaybeLicence(profile, "B", 0.85);
        }

        private void Languages(Profile profile, TargetGroup? group, DemoLanguage? motherTongue)
        {
            CefrLevel swedish;
            if (motherTongue is null)
            {
                swedish = CefrLevel.C2;
            }
            else if (group == TargetGroup.NewlyArrived)
            {
                swedish = random.NextDouble() switch { < 0.3 => CefrLevel.A1, < 0.65 => CefrLevel.A2, _ => CefrLevel.B1 };
            }
            else
            {
                swedish = random.NextDouble() < 0.6 ? CefrLevel.C2 : CefrLevel.C1;
            }

            profile.Languages.Add(new ProfileLanguage { LanguageId = Swedish.Id, Level = swedish });
            if (motherTongue is not null)
            {
                profile.Languages.Add(new ProfileLanguage { LanguageId = motherTongue.Id, Level = group == TargetGroup.NewlyArrived ? CefrLevel.C2 : CefrLevel.B2 });
            }

            if (random.NextDouble() < (group == TargetGroup.Youth ? 0.7 : 0.4))
            {
                profile.Languages.Add(new ProfileLanguage { LanguageId = English.Id, Level = (CefrLevel)random.Next((int)CefrLevel.A2, (int)CefrLevel.C1 + 1) });
            }
        }

        private void Commute(Profile profile, TargetGroup? group)
        {
            var hasCar = profile.Licences.Contains("B") && random.NextDouble() < 0.85;
            profile.CommuteMode = hasCar ? CommuteMode.Car : CommuteMode.PublicTransport;
            profile.MaxCommuteMinutes = group == TargetGroup.Youth
                ? Pick([20, 30, 30, 45])
                : Pick([20, 30, 45, 45, 60]);
        }

        private static void AddOccupation(Profile profile, DemoOccupation occupation, decimal years) =>
            profile.Occupations.Add(new ProfileOccupation { OccupationId = occupation.Id, Years = years });

        private void AddSkills(Profile profile, IReadOnlyList<DemoSkill> from, int count, int minLevel, int maxLevel, SkillEvidence evidence)
        {
            foreach (var skill in Sample(from, count))
            {
                if (profile.Skills.TrueForAll(s => s.SkillId != skill.Id))
                {
                    profile.Skills.Add(new ProfileSkill { SkillId = skill.Id, Level = random.Next(minLevel, maxLevel + 1), Evidence = evidence });
                }
            }
        }

        private void MaybeLicence(Profile profile, string code, double probability)
        {
            if (random.NextDouble() < probability && !profile.Licences.Contains(code))
            {
                profile.Licences.Add(code);
            }
        }

        private Gender? GenderFor(TargetGroup? group)
        {
            var womenShare = group == TargetGroup.CareerChanger ? 0.6 : 0.42;
            var roll = random.NextDouble();
            return roll < 0.02 ? null : roll < 0.03 ? Gender.NonBinary : roll < 0.03 + womenShare ? Gender.Woman : Gender.Man;
        }

        private string PersonName(Gender? gender, DemoLanguage? motherTongue)
        {
            var woman = gender == Gender.Woman || (gender != Gender.Man && random.NextDouble() < 0.5);
            if (motherTongue is not null && DemoNames.ByLanguage.TryGetValue(motherTongue.Id, out var pool))
            {
                return $"{Pick(woman ? pool.Women : pool.Men)} {Pick(pool.Surnames)}";
            }

            return $"{Pick(woman ? DemoNames.SwedishWomen : DemoNames.SwedishMen)} {Pick(DemoNames.SwedishSurnames)}";
        }

        private string EmployerName(Industry industry, DemoPlace place)
        {
            for (var attempt = 0; ; attempt++)
            {
                var word = Pick(industry.Words);
                var surname = Pick(DemoNames.SwedishSurnames);
                var name = random.Next(5) switch
                {
                    0 or 1 => $"{Genitive(place.Name)} {word} AB",
                    2 => $"{place.Name} {word} AB",
                    3 => $"{Genitive(surname)} {word} AB",
                    _ => $"Bröderna {surname} {word} AB",
                };
                if (attempt > 20)
                {
                    name = $"{Genitive(place.Name)} {word} {attempt} AB";
                }

                if (organisationNames.Add(name))
                {
                    return name;
                }
            }
        }

        private static string Genitive(string name) =>
            name.EndsWith('s') || name.EndsWith('x') || name.EndsWith('z') ? name : name + "s";

        private string NewOrganisationNumber()
        {
            while (true)
            {
                // Limited companies (aktiebolag) have numbers starting 556 or 559.
                var nine = (random.NextDouble() < 0.7 ? "556" : "559") + random.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
                var number = $"{nine[..6]}-{nine[6..]}{OrganisationNumber.CheckDigit(nine)}";
                if (organisationNumbers.Add(number))
                {
                    return number;
                }
            }
        }

        private Site SiteAt(DemoPlace place, string name) => new()
        {
            Name = name,
            MunicipalityCode = place.MunicipalityCode,
            PlaceName = place.Name,
            PostalCode = place.PostalCode,
            Latitude = Jitter(place.Latitude),
            Longitude = Jitter(place.Longitude),
        };

        /// <summary>A few hundred metres around the place centre, so not everyone lives on the same point.</summary>
        private double Jitter(double degrees) => Math.Round(degrees + ((random.NextDouble() - 0.5) * 0.012), 5);

        private static int PlaceWeight(string name) => PlaceWeights.GetValueOrDefault(name, 1);

        private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private T Weighted<T>(IReadOnlyList<T> items, Func<T, int> weight)
        {
            var total = items.Sum(weight);
            var roll = random.Next(total);
            foreach (var item in items)
            {
                roll -= weight(item);
                if (roll < 0)
                {
                    return item;
                }
            }

            return items[^1];
        }

        /// <summary>Up to <paramref name="count"/> distinct items in random order.</summary>
        private List<T> Sample<T>(IReadOnlyList<T> items, int count)
        {
            var copy = items.ToList();
            Shuffle(copy);
            return copy.Take(Math.Min(count, copy.Count)).ToList();
        }

        private void Shuffle<T>(List<T> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }
    }

    private static DemoSkill[] Skills(params (DemoOccupation Occupation, int Count)[] parts) =>
        parts.SelectMany(p => p.Occupation.Skills.Take(p.Count)).DistinctBy(s => s.Id).ToArray();

    private static ProviderTemplate[] BuildProviderTemplates()
    {
        var upperSecondary = SunLevelUpperSecondaryVocational3Years;
        var komvux = SunLevelUpperSecondaryVocationalShort;
        var yh2 = SunLevelPostSecondaryVocational2Years;
        var yh1 = SunLevelPostSecondaryVocationalShort;
        var shortCourse = SunLevelUpperSecondaryOtherShort;

        ProgrammeTemplate Industritekniska(string track, params (DemoOccupation, int)[] skills) =>
            new($"Industritekniska programmet – {track}", ProgrammeLevel.UpperSecondary, SunFieldIndustryAndWorkshop, upperSecondary,
                120, 24, Intake.Autumn, Skills(skills), Description: "Gymnasieprogram med APL på företag i regionen; Teknikcollege-certifierat.");
        ProgrammeTemplate ElOchEnergi(string track, params (DemoOccupation, int)[] skills) =>
            new($"El- och energiprogrammet – {track}", ProgrammeLevel.UpperSecondary, SunFieldElectricalInstallation, upperSecondary,
                120, 24, Intake.Autumn, Skills(skills), Description: "Gymnasieprogram med APL; behörighet till YH inom automation.");

        return
        [
            new("Gnosjö Industrigymnasium", SniUpperSecondaryVocational, ["Gnosjö"],
            [
                Industritekniska("produkt- och maskinteknik", (CncOperator, 8), (MachineOperator, 4), (MetalAssembler, 3)),
                ElOchEnergi("automation", (IndustrialElectrician, 6), (AutomationTechnician, 4)),
                new("Lärlingsutbildning industriteknik", ProgrammeLevel.UpperSecondary, SunFieldIndustryAndWorkshop, upperSecondary,
                    120, 12, Intake.Autumn, Skills((MachineOperator, 6), (Welder, 3), (SheetMetalWorker, 3))),
            ]),
            new("Gislaveds Teknikgymnasium", SniUpperSecondaryVocational, ["Gislaved", "Anderstorp"],
            [
                Industritekniska("svetsteknik", (Welder, 10), (SheetMetalWorker, 4)),
                Industritekniska("processteknik plast", (PlasticsOperator, 8), (PlasticsSetter, 3)),
                ElOchEnergi("elteknik", (IndustrialElectrician, 8)),
            ]),
            new("Finnvedens Industricollege", SniUpperSecondaryVocational, ["Värnamo"],
            [
                Industritekniska("produkt- och maskinteknik", (CncOperator, 8), (Turner, 4), (QualityTechnician, 2)),
                Industritekniska("driftsäkerhet och underhåll", (MaintenanceMechanic, 8), (IndustrialElectrician, 3)),
                ElOchEnergi("automation", (AutomationTechnician, 6), (IndustrialElectrician, 5), (RobotTechnician, 3)),
            ]),
            new("Vaggeryds Gymnasieskola Teknik & Industri", SniUpperSecondaryVocational, ["Skillingaryd"],
            [
                Industritekniska("produkt- och maskinteknik", (CncOperator, 6), (MachineOperator, 5), (Welder, 3)),
                ElOchEnergi("elteknik", (IndustrialElectrician, 8)),
            ]),
            new("Jönköpings Tekniska Gymnasium", SniUpperSecondaryVocational, ["Jönköping", "Bankeryd"],
            [
                Industritekniska("produkt- och maskinteknik", (CncOperator, 8), (ProductionTechnician, 3), (RobotOperator, 3)),
                ElOchEnergi("automation", (AutomationTechnician, 8), (RobotTechnician, 4)),
                ElOchEnergi("elteknik", (IndustrialElectrician, 8), (ElectricalAssembler, 3)),
            ]),
            new("Komvux Gnosjöregionen", SniAdultEducation, ["Värnamo", "Gislaved", "Gnosjö"],
            [
                new("CNC-operatör", ProgrammeLevel.Komvux, SunFieldIndustryAndWorkshop, komvux, 40, 16, Intake.SpringAndAutumn, Skills((CncOperator, 12))),
                new("Svetsare", ProgrammeLevel.Komvux, SunFieldIndustryAndWorkshop, komvux, 40, 12, Intake.SpringAndAutumn, Skills((Welder, 12))),
                new("Industrioperatör med yrkessvenska", ProgrammeLevel.Komvux, SunFieldIndustryAndWorkshop, komvux, 52, 20, Intake.SpringAndAutumn,
                    [.. Skills((MachineOperator, 8), (MetalAssembler, 4)), VocationalSwedishManufacturingSkill], Description: "Yrkesutbildning kombinerad med sfi/svenska som andraspråk."),
                new("Lager och logistik", ProgrammeLevel.Komvux, SunFieldLandTransport, komvux, 20, 16, Intake.SpringAndAutumn, Skills((WarehouseWorker, 10), (ForkliftDriver, 4))),
                new("Underhållsmekaniker", ProgrammeLevel.Komvux, SunFieldEnergyOperationMaintenance, komvux, 60, 12, Intake.Autumn, Skills((MaintenanceMechanic, 12))),
                new("Plastoperatör", ProgrammeLevel.Komvux, SunFieldPlasticAndRubber, komvux, 30, 12, Intake.SpringAndAutumn, Skills((PlasticsOperator, 10))),
            ]),
            new("Komvux Jönköping", SniAdultEducation, ["Jönköping"],
            [
                new("CNC-operatör", ProgrammeLevel.Komvux, SunFieldIndustryAndWorkshop, komvux, 40, 20, Intake.SpringAndAutumn, Skills((CncOperator, 12))),
                new("Svetsare", ProgrammeLevel.Komvux, SunFieldIndustryAndWorkshop, komvux, 40, 16, Intake.SpringAndAutumn, Skills((Welder, 12))),
                new("Industrielektriker", ProgrammeLevel.Komvux, SunFieldElectricalInstallation, komvux, 60, 16, Intake.Autumn, Skills((IndustrialElectrician, 12))),
                new("Truckförare med lagerhantering", ProgrammeLevel.Komvux, SunFieldLandTransport, komvux, 12, 16, Intake.Quarterly, Skills((ForkliftDriver, 10), (WarehouseWorker, 4))),
            ]),
            new("Yrkeshögskolan Industriakademin Värnamo", SniPostSecondaryNonUniversity, ["Värnamo"],
            [
                new("Automationsingenjör", ProgrammeLevel.Yh, SunFieldAutomation, yh2, 80, 30, Intake.Autumn, Skills((AutomationTechnician, 13), (RobotTechnician, 4))),
                new("Produktionstekniker", ProgrammeLevel.Yh, SunFieldIndustryAndWorkshop, yh2, 80, 30, Intake.Autumn, Skills((ProductionTechnician, 14), (QualityTechnician, 3))),
                new("Kvalitetstekniker", ProgrammeLevel.Yh, SunFieldMechanicalEngineeringOther, yh1, 40, 25, Intake.Autumn, Skills((QualityTechnician, 12)), IsDistance: true),
                new("Underhållstekniker", ProgrammeLevel.Yh, SunFieldEnergyOperationMaintenance, yh2, 80, 25, Intake.Autumn, Skills((MaintenanceMechanic, 10), (IndustrialElectrician, 5))),
                new("CNC-tekniker", ProgrammeLevel.Yh, SunFieldIndustryAndWorkshop, yh1, 40, 20, Intake.Autumn, Skills((CncOperator, 17), (ProductionTechnician, 4))),
            ]),
            new("Jönköpings Yrkeshögskola Teknik", SniPostSecondaryNonUniversity, ["Jönköping"],
            [
                new("Automationstekniker robotik", ProgrammeLevel.Yh, SunFieldAutomation, yh2, 80, 30, Intake.Autumn, Skills((RobotTechnician, 8), (AutomationTechnician, 8), (RobotOperator, 4))),
                new("Produktionsledare industri", ProgrammeLevel.Yh, SunFieldIndustrialEconomics, yh2, 80, 30, Intake.Autumn, Skills((ProductionSupervisor, 8), (ProductionTechnician, 6)), IsDistance: true),
                new("Plastteknik och formsprutning", ProgrammeLevel.Yh, SunFieldPlasticAndRubber, yh1, 40, 20, Intake.Autumn, Skills((InjectionMouldingTechnician, 8), (PlasticsSetter, 9))),
            ]),
            new("Svets & Lyft Kompetens AB", SniLabourMarketTraining, ["Gislaved", "Anderstorp"],
            [
                new("Truckkort A och B", ProgrammeLevel.ShortCourse, SunFieldLandTransport, shortCourse, 1, 8, Intake.Monthly, Skills((ForkliftDriver, 7))),
                new("Traverskort", ProgrammeLevel.ShortCourse, SunFieldIndustryAndWorkshop, shortCourse, 1, 8, Intake.Monthly,
                    [OverheadCraneCertificateSkill, OverheadCraneOperationSkill]),
                new("Heta arbeten", ProgrammeLevel.ShortCourse, SunFieldIndustryAndWorkshop, shortCourse, 1, 12, Intake.Monthly, [HotWorkCertificateSkill]),
                new("Svetscertifiering EN ISO 9606", ProgrammeLevel.ShortCourse, SunFieldIndustryAndWorkshop, shortCourse, 4, 8, Intake.Quarterly, Skills((Welder, 4))),
                new("Liftkort (skylift)", ProgrammeLevel.ShortCourse, SunFieldIndustryAndWorkshop, null, 1, 8, Intake.Monthly, [MobileElevatingWorkPlatformSkill]),
                new("Elsäkerhet ESA", ProgrammeLevel.ShortCourse, SunFieldElectricalInstallation, null, 1, 12, Intake.Quarterly, [ElectricalSafetyEsaSkill, ElectricalSafetyRegulationsSkill]),
            ]),
            new("Industrikompetens Gnosjö AB", SniStaffTraining, ["Gnosjö", "Hillerstorp"],
            [
                new("Lean i produktionen", ProgrammeLevel.CompanyTraining, SunFieldIndustrialEconomics, null, 2, 16, Intake.Quarterly,
                    [LeanSkill, ProductionEngineeringSkill], IsDistance: true),
                new("Ritningsläsning och mätteknik", ProgrammeLevel.CompanyTraining, SunFieldIndustryAndWorkshop, null, 3, 12, Intake.Quarterly,
                    [DrawingReadingSkill, MetrologySkill, WorkshopMathematicsSkill]),
                new("PLC-programmering grund", ProgrammeLevel.CompanyTraining, SunFieldAutomation, null, 4, 10, Intake.Quarterly,
                    [PlcSkill, AutomationEngineeringSkill]),
                new("Robotprogrammering", ProgrammeLevel.CompanyTraining, SunFieldAutomation, null, 3, 8, Intake.Quarterly, Skills((RobotTechnician, 4))),
                new("Formsprutning – ställare", ProgrammeLevel.CompanyTraining, SunFieldPlasticAndRubber, null, 6, 8, Intake.Quarterly, Skills((PlasticsSetter, 6))),
            ]),
        ];
    }
}
