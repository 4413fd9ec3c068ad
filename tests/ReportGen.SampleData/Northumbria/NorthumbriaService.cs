namespace ReportGen.SampleData.Northumbria;

/// <summary>
/// The sizes and proportions of the synthetic Northumbria service workbooks (hate crime, victims, MARAC, surveys, stop
/// and search), each with where it comes from. MODELLED ON names a published figure that is not in the shared data;
/// ASSUMPTION marks a value chosen to look plausible; "the brief" is what the sample edition was asked to show.
/// </summary>
public static class NorthumbriaService
{
    /// <summary>Records per workbook (ASSUMPTION: the brief's sizes, about what a force of Northumbria's size records).</summary>
    public const int HateCrimes = 1600, Victims = 6000, MaracCases = 1300, VictimSurvey = 2400, CommunitySurvey = 3000,
        ComplaintsSurvey = 420, Promotions = 300, FlexibleWorking = 450, Misconduct = 140, Grievances = 50, Performance = 60;

    /// <summary>
    /// Hate strands, one per crime here. MODELLED ON Home Office, Hate crime, England and Wales 2016/17, Table 1: race
    /// 62,685, religion 5,949, sexual orientation 9,157, disability 5,558, transgender 1,248 offences (78 / 7 / 11 / 7 /
    /// 2%; there a crime can be counted under more than one strand, so the percentages add to more than 100).
    /// </summary>
    public static readonly (string Strand, double Weight)[] HateStrands =
        [("Race", 62685), ("Religion or belief", 5949), ("Sexual orientation", 9157), ("Disability", 5558), ("Transgender", 1248)];

    /// <summary>
    /// Hate crimes by offence group. MODELLED ON Home Office, Hate crime, England and Wales 2016/17: 56% public order
    /// offences, 33% violence against the person, 6% criminal damage and arson, the rest other notifiable offences.
    /// </summary>
    public static readonly (string Group, double Weight)[] HateOffences =
        [("Public order offences", 56), ("Violence against the person", 33), ("Criminal damage and arson", 6), ("Other notifiable offences", 5)];

    /// <summary>Victims of racially motivated hate crime who are not White (ASSUMPTION: most, but White minorities and White British too).</summary>
    public const double RaceHateBme = 0.62;

    /// <summary>Victims of other hate strands, and of crime in general, who are not White (ASSUMPTION: a little above the 5.4% of residents).</summary>
    public const double VictimBme = 0.065;

    /// <summary>Repeat victims (a victim of another crime in the previous 12 months): the brief's 25-30%, higher when disabled.</summary>
    public const double RepeatVictim = 0.26, RepeatVictimDisabled = 0.36;

    /// <summary>
    /// MARAC cases. MODELLED ON what SafeLives' national MARAC data reports (victims' sex, BME, LGB, disability and
    /// repeat referrals; nationally about 95% of victims female and about a quarter of cases repeats); the levels are
    /// ASSUMPTION. Area commands: Northumbria Police's three (Northern, Central, Southern), each with its own MARAC
    /// meeting fortnightly (the joint equality objectives, note 2).
    /// </summary>
    public const double MaracFemale = 0.95, MaracBme = 0.06, MaracDisabled = 0.07, MaracRepeat = 0.27;

    public static readonly (string Area, DayOfWeek Day, double Weight)[] AreaCommands =
        [("Northern", DayOfWeek.Tuesday, 0.31), ("Central", DayOfWeek.Wednesday, 0.36), ("Southern", DayOfWeek.Thursday, 0.33)];

    /// <summary>
    /// Victim satisfaction survey: 84% satisfied overall; BME victims 5.5 points and disabled victims 4 points lower
    /// (the brief; MODELLED ON forces' user satisfaction surveys of 2016/17, around 80-85% satisfied). BME respondents
    /// boosted to 180 of 2,400 (7.5%, ASSUMPTION) so that the gap can be estimated (the brief: at least 150).
    /// </summary>
    public const double VictimSatisfied = 0.84, VictimBmeGap = 0.055, VictimDisabledGap = 0.04;

    public const int VictimSurveyBme = 180;

    /// <summary>
    /// Safer Community Survey: about 60% say the police do a good or excellent job and about 55% agree they will be
    /// there when needed (the brief; MODELLED ON the Crime Survey for England and Wales 2016/17, where about six in ten
    /// rated their local police good or excellent). Respondents' BME share follows the census (5.4%).
    /// </summary>
    public static readonly (string Answer, double Weight)[] JobRating =
        [("Excellent", 12), ("Good", 48), ("Fair", 25), ("Poor", 6), ("Very poor", 3), ("Don't know", 6)];

    public static readonly (string Answer, double Weight)[] ThereWhenNeeded =
    [
        ("Strongly agree", 14), ("Tend to agree", 41), ("Neither agree nor disagree", 18), ("Tend to disagree", 12),
        ("Strongly disagree", 6), ("Don't know", 9),
    ];

    /// <summary>Complainant satisfaction: about 55% satisfied (the brief); BME, disabled and young complainants fewer than 50 each.</summary>
    public static readonly (string Answer, double Weight)[] ComplaintHandling =
        [("Very satisfied", 20), ("Fairly satisfied", 35), ("Neither", 10), ("Fairly dissatisfied", 13), ("Very dissatisfied", 22)];

    /// <summary>
    /// Stop and search: 5,200 stops, 8% with no self-defined ethnicity (a blank cell). Stops per head of the 2011
    /// population relative to White residents: Black 3.0 and all minority groups together 2.0 (the brief); the split of
    /// the 2.0 between Mixed 2.4, Asian 1.7 and Other 2.2 is ASSUMPTION. Searches: Misuse of Drugs Act s23 60% and PACE
    /// s1 35% (the brief), Firearms Act s47 3.5%, CJPOA s60 1.5% (ASSUMPTION).
    /// </summary>
    public static readonly StopSearchProfile StopSearch = new(NorthumbriaProfile.Force, NorthumbriaProfile.Census, 5200, 0.08, "",
        [(Census2011.White, 1.0), (Census2011.Mixed, 2.4), (Census2011.Asian, 1.7), (Census2011.Black, 3.0), (Census2011.Other, 2.2)],
        [
            ((StopSearchWriter.Drugs, "Controlled drugs"), 0.60), ((StopSearchWriter.Pace, "Stolen goods"), 0.14),
            ((StopSearchWriter.Pace, "Offensive weapons"), 0.09), ((StopSearchWriter.Pace, "Article for use in theft"), 0.08),
            ((StopSearchWriter.Pace, "Articles for use in criminal damage"), 0.025),
            ((StopSearchWriter.Pace, "Anything to threaten or harm anyone"), 0.01), ((StopSearchWriter.Pace, "Fireworks"), 0.005),
            ((StopSearchWriter.Firearms, "Firearms"), 0.035), ((StopSearchWriter.Section60, "Offensive weapons"), 0.015),
        ]);
}
