using Compliance.Engine.Traffic.Detection;
using static Compliance.Engine.Tests.Traffic.Detection.Values;

namespace Compliance.Engine.Tests.Traffic.Detection;

public sealed class IdentifierDetectorTests
{
    [Fact]
    public void ImeiWithValidLuhnInAnImeiFieldIsConfident() =>
        Assert.Equal(["imei"], Types(new ImeiDetector(), At("imei", "490154203237518")));

    [Fact]
    public void ImeiWithBadCheckDigitIsIgnored() =>
        Assert.Empty(Run(new ImeiDetector(), At("imei", "490154203237519")));

    [Fact]
    public void FifteenDigitsInAFieldNamedForSomethingElseScoreLow() =>
        Assert.Empty(Types(new ImeiDetector(), At("order_total", "490154203237518")));

    [Fact]
    public void SixteenHexInADeviceFieldIsAnAndroidId() =>
        Assert.Equal(["android-id"], Types(new AndroidIdDetector(), At("did", "9774d56d682e549c")));

    [Fact]
    public void SixteenHexAssetHashIsNotAnAndroidId() =>
        Assert.Empty(Types(new AndroidIdDetector(), At("thumb", "e3bf7b239927d988")));

    [Fact]
    public void UuidInAnAdIdFieldIsAnAdvertisingId() =>
        Assert.Equal(["advertising-id"], Types(new AdvertisingIdDetector(), At("rdid", "38400000-8cf0-11bd-b23e-10b96e40000d")));

    [Fact]
    public void UuidInARequestIdFieldIsNotAnAdvertisingId() =>
        Assert.Empty(Types(new AdvertisingIdDetector(), At("request_id", "38400000-8cf0-11bd-b23e-10b96e40000d")));

    [Fact]
    public void MacAddressIsFoundButTheOsPlaceholderIsNot()
    {
        Assert.Equal(["mac-address"], Types(new MacAddressDetector(), At("wlan", "5c:e8:83:d2:71:b2")));
        Assert.Empty(Types(new MacAddressDetector(), At("wlan", "02:00:00:00:00:00")));
    }

    [Fact]
    public void EmailAddressIsFoundButRetinaAssetNamesAreNot()
    {
        Assert.Equal(["email-address"], Types(new EmailDetector(), At("email", "r.okafor@example.net")));
        Assert.Empty(Types(new EmailDetector(), At("icon", "welcome@2x.webp")));
    }

    [Fact]
    public void InternationalPhoneNumberIsValidatedByLibphonenumber()
    {
        Assert.Equal(["phone-number"], Types(new PhoneDetector(), At("msisdn", "+447700900241")));
        Assert.Empty(Types(new PhoneDetector(), At("msisdn", "+44770")));
        Assert.Equal(["phone-number"], Types(new PhoneDetector(), At("phone", "+1 415 555 2671")));
    }

    [Fact]
    public void NationalNumberCountsOnlyInAPhoneField() =>
        Assert.Empty(Types(new PhoneDetector(), At("ts", "2025550147")));

    [Fact]
    public void IpAddressInAnIpFieldIsConfident()
    {
        Assert.Equal(["ip-address"], Types(new IpAddressDetector(), At("client_ip", "81.2.69.142")));
        Assert.Empty(Types(new IpAddressDetector(), At("sdk_version", "10.6.7.1")));
    }
}
