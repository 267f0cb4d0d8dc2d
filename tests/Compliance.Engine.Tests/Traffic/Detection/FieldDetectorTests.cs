using Compliance.Engine.Traffic.Detection;
using static Compliance.Engine.Tests.Traffic.Detection.Values;

namespace Compliance.Engine.Tests.Traffic.Detection;

public sealed class FieldDetectorTests
{
    [Fact]
    public void LatLonSiblingsWithSixDecimalsArePreciseLocation() =>
        Assert.Equal(["precise-location"], Types(new LocationDetector(),
            At("lat", "52.514775", number: true, container: "$.pt"), At("lng", "13.351151", number: true, container: "$.pt")));

    [Fact]
    public void CoordinatesWithTwoDecimalsAreCoarseLocation() =>
        Assert.Equal(["coarse-location"], Types(new LocationDetector(),
            At("latitude", "52.51", number: true, container: "$.g"), At("longitude", "13.35", number: true, container: "$.g")));

    [Fact]
    public void PairArrayUnderALocationFieldIsALocation() =>
        Assert.Equal(["precise-location"], Types(new LocationDetector(),
            At("latlng", "52.514775", number: true, container: "$.latlng[0]"), At("latlng", "13.351151", number: true, container: "$.latlng[0]")));

    [Fact]
    public void CityFieldIsCoarseLocation() =>
        Assert.Equal(["coarse-location"], Types(new LocationDetector(), At("city", "Manchester")));

    [Fact]
    public void OsVersionAndModelComeFromFieldNames()
    {
        Assert.Equal(["os-version"], Types(new DeviceInfoDetector(), At("$os_version", "14")));
        Assert.Equal(["os-version"], Types(new DeviceInfoDetector(), At("os", "Android 14 (UQ1A.240205.004)")));
        Assert.Equal(["device-model"], Types(new DeviceInfoDetector(), At("d-device-model", "Pixel 7")));
    }

    [Fact]
    public void AppAndSdkVersionsAreNotOsVersions()
    {
        Assert.Empty(Types(new DeviceInfoDetector(), At("$app_version", "8.14.0")));
        Assert.Empty(Types(new DeviceInfoDetector(), At("sdk-version", "10.6.7")));
    }

    [Fact]
    public void CarrierAndRadioAreNetworkInfo() =>
        Assert.Equal(["network-info", "network-info"], Types(new FieldSemanticsDetector(), At("$carrier", "Telekom.de"), At("$radio", "LTE")));

    [Fact]
    public void AdNetworkNamesAndOnboardingStepsAreNotPersonalData() =>
        Assert.Empty(Types(new FieldSemanticsDetector(), At("ad_network", "admob"), At("onboarding_steps", "3", number: true)));

    [Fact]
    public void CrashFiguresAreUsageStatistics() =>
        Assert.Equal(["usage-statistics"], Types(new FieldSemanticsDetector(), At("heap_mb", "88", number: true, trail: ["memory", "heap_mb"])));

    [Fact]
    public void HeartRateIsHealthData() =>
        Assert.Equal(["health-data"], Types(new FieldSemanticsDetector(), At("heartrate", "146", number: true)));

    [Fact]
    public void ScreenFieldAndInteractionEventsAreAppActivity()
    {
        Assert.Equal(["app-activity"], Types(new AppActivityDetector(), At("screen", "Find Friends")));
        Assert.Equal(["app-activity"], Types(new AppActivityDetector(), At("event", "Button Tapped")));
    }

    [Fact]
    public void PageViewAndSearchEventsAreNotAppActivity() =>
        Assert.Empty(Types(new AppActivityDetector(), At("event", "page_view"), At("event", "search")));

    [Fact]
    public void InstallIdIsACookieIdCandidateButRequestIdIsNot()
    {
        Assert.Equal(["cookie-id"], Types(new IdentifierFieldDetector(), At("X-App-Install", "7a65bf70-f547-472f-9f71-159a6be4fcd4")));
        Assert.Empty(Types(new IdentifierFieldDetector(), At("request_id", "7a65bf70-f547-472f-9f71-159a6be4fcd4")));
        Assert.Empty(Types(new IdentifierFieldDetector(), At("$insert_id", "LGuZDDSxUYVO7Yap")));
    }

    [Fact]
    public void AccountFieldIsAnAccountIdCandidate() =>
        Assert.Equal(["account-id"], Types(new IdentifierFieldDetector(), At("account_id", "acct_7Q2M9XKD4T")));

    [Fact]
    public void FieldNamesSplitTheWaysSdksWriteThem()
    {
        Assert.Equal(["os", "version"], Compliance.Engine.Traffic.Decoding.FieldWords.Split("$os_version"));
        Assert.Equal(["android", "id"], Compliance.Engine.Traffic.Decoding.FieldWords.Split("androidId"));
        Assert.Equal(["x", "tally", "install"], Compliance.Engine.Traffic.Decoding.FieldWords.Split("X-Tally-Install"));
    }
}
