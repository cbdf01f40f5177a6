using Conclave.Api.Http;

namespace Conclave.Api.UnitTests.Http;

// CLARIFICATIONS §2.3: exactly four textual forms, hex in either case, any version, the nil UUID included.
public sealed class UuidTextTests
{
    private static readonly Guid Expected = Guid.Parse("550e8400-e29b-41d4-a716-446655440000");

    [Theory]
    [InlineData("550e8400e29b41d4a716446655440000")]
    [InlineData("550e8400-e29b-41d4-a716-446655440000")]
    [InlineData("{550e8400-e29b-41d4-a716-446655440000}")]
    [InlineData("urn:uuid:550e8400-e29b-41d4-a716-446655440000")]
    [InlineData("550E8400-E29B-41D4-A716-446655440000")]
    [InlineData("550E8400E29B41D4A716446655440000")]
    [InlineData("{550E8400-e29b-41D4-A716-446655440000}")]
    [InlineData("urn:uuid:550E8400-E29B-41D4-A716-446655440000")]
    public void Accepts_the_four_forms_in_any_hex_case(string text)
    {
        Assert.True(UuidText.TryParse(text, out var value));
        Assert.Equal(Expected, value);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("00000000000000000000000000000000")]
    public void Accepts_the_nil_uuid(string text)
    {
        Assert.True(UuidText.TryParse(text, out var value));
        Assert.Equal(Guid.Empty, value);
    }

    [Fact]
    public void Accepts_any_version_and_variant()
    {
        Assert.True(UuidText.TryParse("ffffffff-ffff-ffff-ffff-ffffffffffff", out var value));
        Assert.Equal(Guid.AllBitsSet, value);
    }

    [Theory]
    [InlineData("(550e8400-e29b-41d4-a716-446655440000)")]                    // parentheses: Guid.TryParse takes them
    [InlineData("{0x550e8400,0xe29b,0x41d4,{0xa7,0x16,0x44,0x66,0x55,0x44,0x00,0x00}}")]
    [InlineData(" 550e8400-e29b-41d4-a716-446655440000")]                     // whitespace: Guid.TryParse trims it
    [InlineData("550e8400-e29b-41d4-a716-446655440000 ")]
    [InlineData("550e8400-e29b-41d4-a716-44665544000")]                       // wrong length
    [InlineData("550e8400-e29b-41d4-a716-4466554400000")]
    [InlineData("550e8400e29b41d4a71644665544000")]
    [InlineData("550e8400e29b41d4a7164466554400000")]
    [InlineData("550e84-00e29b-41d4-a716-446655440000")]                      // misplaced hyphens
    [InlineData("550e8400-e29b41d4-a716-4466-55440000")]
    [InlineData("550e8400-e29b-41d4-a716-44665544-000")]
    [InlineData("550e8400-e29b-41d4-a716+446655440000")]
    [InlineData("URN:UUID:550e8400-e29b-41d4-a716-446655440000")]            // the prefix is lower case only
    [InlineData("urn:uuid:550e8400e29b41d4a716446655440000")]                // urn takes the hyphenated form only
    [InlineData("{550e8400e29b41d4a716446655440000}")]                       // braces too
    [InlineData("{550e8400-e29b-41d4-a716-446655440000")]
    [InlineData("[550e8400-e29b-41d4-a716-446655440000]")]
    [InlineData("550g8400-e29b-41d4-a716-446655440000")]                      // not hex
    [InlineData("550e8400-e29b-41d4-a716-44665544000ä")]
    [InlineData("+50e8400-e29b-41d4-a716-446655440000")]
    [InlineData("")]
    [InlineData("not-a-uuid")]
    public void Rejects_every_other_form(string text)
    {
        Assert.False(UuidText.TryParse(text, out var value));
        Assert.Equal(Guid.Empty, value);
    }
}
