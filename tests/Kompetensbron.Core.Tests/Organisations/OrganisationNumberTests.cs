using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kompetensbron.Core.Organisations;

namespace Kompetensbron.Core.Tests.Organisations;

public class OrganisationNumberTests
{
    // Published organisation numbers: AB Volvo, Volvo Personvagnar, Skatteverket, Regeringskansliet-style
    // authority number, and a generic limited company.
    [Theory]
    [InlineData("5560125790", "556012-5790")]
    [InlineData("556012-5790", "556012-5790")]
    [InlineData("16556012-5790", "556012-5790")]
    [InlineData("165560125790", "556012-5790")]
    [InlineData(" 556074-3089 ", "556074-3089")]
    [InlineData("2021005448", "202100-5448")]
    [InlineData("5560360793", "556036-0793")]
    [InlineData("2021005489", "202100-5489")]
    public void Valid_numbers_are_accepted_and_normalised(string input, string expected)
    {
        Assert.True(OrganisationNumber.TryNormalise(input, out var normalised));
        Assert.Equal(expected, normalised);
    }

    [Theory]
    [InlineData("5560125791")]
    [InlineData("556012-5799")]
    [InlineData("16556012-5795")]
    public void A_wrong_check_digit_is_rejected(string input)
    {
        Assert.False(OrganisationNumber.TryNormalise(input, out var normalised));
        Assert.Equal(string.Empty, normalised);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("556012579")]
    [InlineData("55601257900")]
    [InlineData("55601-25790")]
    [InlineData("556012 5790")]
    [InlineData("19556012-5790")]
    [InlineData("556O12-5790")]
    [InlineData("５５６０１２５７９０")]
    public void Malformed_input_is_rejected(string? input) =>
        Assert.False(OrganisationNumber.TryNormalise(input, out _));

    [Fact]
    public void Check_digit_matches_an_independent_luhn()
    {
        foreach (var number in new[] { "5560125790", "5560743089", "2021005448", "5560360793", "2120000142" })
        {
            Assert.Equal(number[9] - '0', OrganisationNumber.CheckDigit(number.AsSpan(0, 9)));
            Assert.Equal(0, LuhnSum(number) % 10);
        }
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("12345678x")]
    public void Check_digit_needs_exactly_nine_digits(string input) =>
        Assert.Throws<ArgumentException>(() => OrganisationNumber.CheckDigit(input));

    [Property]
    public Property Appending_the_check_digit_validates_and_any_other_digit_fails()
    {
        var nineDigits = Gen.Elements("0123456789".ToCharArray()).ArrayOf(9).Select(c => new string(c));
        return Prop.ForAll(nineDigits.ToArbitrary(), prefix =>
        {
            var check = OrganisationNumber.CheckDigit(prefix);
            var ok = OrganisationNumber.TryNormalise(prefix + check, out var normalised)
                && normalised == $"{prefix[..6]}-{prefix[6..]}{check}"
                && LuhnSum(prefix + check) % 10 == 0;
            for (var other = 0; other <= 9; other++)
            {
                if (other != check)
                {
                    ok &= !OrganisationNumber.TryNormalise(prefix + other, out _);
                }
            }

            return ok;
        });
    }

    // Independent Luhn: from the right, double every second digit.
    private static int LuhnSum(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum;
    }
}
