namespace Kompetensbron.Core.Profiles;

/// <summary>A driving licence, machine licence or certificate that industry asks for.</summary>
public sealed record Licence(string Code, string LabelSv, string LabelEn);

/// <summary>
/// The licences and certificates Kompetensbron knows. JobTech's bulk data in this project has no licence
/// concepts, so these are our own stable codes (not taxonomy ids).
/// </summary>
public static class Licences
{
    public static IReadOnlyList<Licence> All { get; } =
    [
        new("B", "B-körkort", "Driving licence B"),
        new("BE", "BE-körkort", "Driving licence BE"),
        new("C", "C-körkort", "Driving licence C"),
        new("CE", "CE-körkort", "Driving licence CE"),
        new("TRUCK_A", "Truckkort A (lättare truck)", "Forklift licence A"),
        new("TRUCK_B", "Truckkort B (motviktstruck)", "Forklift licence B"),
        new("TRAVERS", "Traverskort", "Overhead crane licence"),
        new("LIFT", "Liftkort (skylift)", "Mobile elevating work platform"),
        new("HETA_ARBETEN", "Heta arbeten", "Hot work certificate"),
        new("SVETS_EN_ISO_9606", "Svetscertifikat EN ISO 9606", "Welding certificate EN ISO 9606"),
        new("ELSAKERHET", "Elsäkerhet (ESA)", "Electrical safety (ESA)"),
    ];

    public static Licence? Find(string code) => All.FirstOrDefault(l => l.Code == code);
}
