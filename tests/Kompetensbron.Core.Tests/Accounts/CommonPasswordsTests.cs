using Kompetensbron.Core.Accounts;

namespace Kompetensbron.Core.Tests.Accounts;

public sealed class CommonPasswordsTests
{
    [Fact]
    public void The_shipped_list_holds_the_common_passwords_and_the_swedish_ones()
    {
        var list = CommonPasswords.Shipped;

        Assert.True(list.Count > 30_000, $"only {list.Count} passwords");
        Assert.Equal(PasswordWeakness.Common, list.Check("1234567890"));
        Assert.Equal(PasswordWeakness.Common, list.Check("qwertyuiop"));
        Assert.Equal(PasswordWeakness.Common, list.Check("lösenord"));
        Assert.Equal(PasswordWeakness.Common, list.Check("kompetensbron"));
    }

    [Theory]
    [InlineData("PASSWORD")]
    [InlineData("Password123")]
    [InlineData("  password!!  ")]
    [InlineData("2024password")]
    public void Case_and_digits_or_punctuation_around_a_common_password_do_not_help(string password)
    {
        var list = new CommonPasswords(["password"]);

        Assert.Equal(PasswordWeakness.Common, list.Check(password));
    }

    [Theory]
    [InlineData("pass word 123")]
    [InlineData("my password")]
    [InlineData("1234567890")]
    public void Other_passwords_pass(string password)
    {
        var list = new CommonPasswords(["password"]);

        Assert.Equal(PasswordWeakness.None, list.Check(password));
    }

    [Theory]
    [InlineData("anna.svensson@example.se", "Anna Svensson", "AnnaSvensson2024")]
    [InlineData("anna.svensson@example.se", "Anna Svensson", "anna svensson är bäst")]
    [InlineData("kalle.k@example.se", null, "kalle.k@example.se")]
    [InlineData("kalle.k@example.se", null, "xx kalle.k yy")]
    public void A_password_with_the_persons_email_or_name_is_refused(string email, string? name, string password)
    {
        var list = new CommonPasswords([]);

        Assert.Equal(PasswordWeakness.Personal, list.Check(password, email, name));
    }

    [Fact]
    public void A_short_name_is_not_treated_as_personal_information()
    {
        var list = new CommonPasswords([]);

        Assert.Equal(PasswordWeakness.None, list.Check("ett långt lösenord", "bo@example.se", "Bo"));
    }
}
