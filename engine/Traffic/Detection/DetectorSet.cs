namespace Compliance.Engine.Traffic.Detection;

/// <summary>The detectors run on every request, in a fixed order.</summary>
public static class DetectorSet
{
    public static IReadOnlyList<IDataDetector> Create(TrafficContext context) =>
    [
        new KnownValueDetector(context),
        new ImeiDetector(),
        new AndroidIdDetector(),
        new AdvertisingIdDetector(),
        new MacAddressDetector(),
        new EmailDetector(),
        new PhoneDetector(),
        new LocationDetector(),
        new IpAddressDetector(),
        new DeviceInfoDetector(),
        new FieldSemanticsDetector(),
        new AppActivityDetector(),
        new BrowsingDetector(),
        new IdentifierFieldDetector(),
        new PersonalDetailsDetector(),
        new HardwareIdDetector(),
        new InstalledAppsDetector(),
        new PaymentCardDetector(),
        new ContactsDetector(),
        new MessageDetector(),
        new MediaDetector(),
    ];
}
