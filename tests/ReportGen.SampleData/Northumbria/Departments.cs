using static ReportGen.SampleData.Police;

namespace ReportGen.SampleData.Northumbria;

/// <summary>A department of the HR extract: whether its posts are specialist roles, and who works in it.</summary>
/// <param name="Officers">Relative share of officers (Constable to Chief Superintendent) in it.</param>
/// <param name="Staff">Relative share of police staff in it.</param>
/// <param name="Women">How much likelier a woman is to work in it than the average (a weight factor).</param>
/// <param name="Bme">The same for a BME officer or member of staff.</param>
public sealed record Department(string Name, bool Specialist, double Officers, double Staff, double Women, double Bme);

/// <summary>
/// Departments and who is posted to them. ASSUMPTION throughout, MODELLED ON what forces publish about specialist
/// roles: women and BME officers are under-represented in firearms, roads policing and dog sections, and women
/// over-represented in public protection. The measure "police officers in specialist roles" reads Specialist Role.
/// </summary>
public static class Departments
{
    public const string CommandTeam = "Command Team";

    public static readonly IReadOnlyList<Department> All =
    [
        new("Neighbourhood Policing", false, 28, 5, 1.15, 1.2),
        new("Response", false, 31, 0, 1.0, 1.1),
        new("CID", true, 12, 8, 0.85, 0.9),
        new("Public Protection", true, 9, 7, 1.3, 0.8),
        new("Firearms", true, 4, 0, 0.2, 0.4),
        new("Roads Policing", true, 4, 0, 0.35, 0.5),
        new("Dog Section", true, 1.5, 0, 0.4, 0.3),
        new("Contact Centre", false, 3, 30, 1.2, 1.2),
        new("Support Services", false, 7.5, 40, 1.1, 1.1),
        new("Criminal Justice", false, 0, 10, 1.1, 1.0),
    ];

    public static bool IsSpecialist(string department) => All.Any(d => d.Name == department && d.Specialist);

    /// <summary>The department of someone in <paramref name="role"/> at <paramref name="rank"/>, tilted by sex and ethnicity.</summary>
    public static string Pick(Random rng, string role, string rank, bool female, bool bme)
    {
        if (rank == Ranks[^1]) return CommandTeam;
        return role switch
        {
            Officer or Staff => rng.Pick(All.Select(d => (d.Name,
                (role == Officer ? d.Officers : d.Staff) * (female ? d.Women : 1.0) * (bme ? d.Bme : 1.0))).ToList()),
            Pcso => "Neighbourhood Policing",
            _ => rng.Pick<string>([("Neighbourhood Policing", 0.75), ("Response", 0.20), ("Roads Policing", 0.05)]),
        };
    }
}
