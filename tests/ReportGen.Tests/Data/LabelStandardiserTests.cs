using ReportGen.Data;

namespace ReportGen.Tests.Data;

public sealed class LabelStandardiserTests
{
    [Theory]
    [InlineData("W1", "white-british")]
    [InlineData("White - British", "white-british")]
    [InlineData("white british ", "white-british")]
    [InlineData("W1 - White British", "white-british")]
    [InlineData("White: English/Welsh/Scottish/Northern Irish/British", "white-british")]
    [InlineData("Black/African/Caribbean/Black British - African", "black-african")]
    [InlineData("Asian or Asian British - Indian", "asian-indian")]
    [InlineData("Not Stated", "not-stated")]
    [InlineData("Prefer not to say", "not-stated")]
    [InlineData("", "not-stated")]
    [InlineData("Roma", "white-roma")]
    [InlineData("Arab", "other-arab")]
    [InlineData("Asian", "asian")]
    public void Maps_ethnicity_labels_as_exports_write_them(string label, string code)
    {
        var standardiser = new LabelStandardiser(Classification.BuiltIn["ethnicity"]);
        Assert.True(standardiser.TryMap(label, out var category), $"'{label}' did not map");
        Assert.Equal(code, category.Code);
    }

    [Fact]
    public void Rolls_ethnicity_up_to_five_groups_with_not_stated_kept_apart()
    {
        var ethnicity = Classification.BuiltIn["ethnicity"];
        Assert.Equal(["Asian", "Black", "Mixed", "White", "Other", "Not stated"], ethnicity.Groups);
        Assert.Equal(19, ethnicity.Categories.Count(c => !c.IsNotStated && !c.Label.Contains("not given")));
    }

    [Fact]
    public void Does_not_guess_a_label_it_does_not_know()
    {
        var standardiser = new LabelStandardiser(Classification.BuiltIn["ethnicity"]);
        Assert.False(standardiser.TryMap("Martian", out _));
        Assert.False(standardiser.TryMap("Whte British", out _));
        Assert.Equal("White British", standardiser.Closest("Whte British"));
    }

    [Theory]
    [InlineData("sex", "F", "female")]
    [InlineData("sex", "female ", "female")]
    [InlineData("disability", "Yes", "disabled")]
    [InlineData("disability", "Not known", "not-stated")]
    [InlineData("sexual_orientation", "Heterosexual/Straight", "heterosexual")]
    [InlineData("religion", "No religion", "no-religion")]
    [InlineData("gender_identity", "No", "different")]
    [InlineData("age", "18-24", "under-25")]
    public void Ships_the_other_protected_characteristics(string classification, string label, string code)
    {
        Assert.True(new LabelStandardiser(Classification.BuiltIn[classification]).TryMap(label, out var category));
        Assert.Equal(code, category.Code);
    }
}
