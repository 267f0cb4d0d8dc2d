using Compliance.Engine.Traffic;
using Compliance.Engine.Traffic.Detection;
using static Compliance.Engine.Tests.Traffic.Detection.Values;

namespace Compliance.Engine.Tests.Traffic.Detection;

/// <summary>Names, addresses, hardware and SIM IDs, installed apps, payment data and contact lists, told by their fields.</summary>
public sealed class PersonalFieldDetectorTests
{
    [Fact]
    public void ExplicitNameFieldsAreAPersonsName()
    {
        Assert.Equal(["name", "name"], Types(new PersonalDetailsDetector(), At("first_name", "Jordan"), At("lastName", "O'Neill-Meyer")));
        Assert.Empty(Types(new PersonalDetailsDetector(), At("name", "screen_view"), At("event_name", "Purchase"), At("firstName", "x1")));
    }

    [Fact]
    public void ABareNameIsAPersonsNameOnlyInsideAnObjectAboutAPerson()
    {
        Assert.Equal(["name"], Types(new PersonalDetailsDetector(), At("name", "Sam Rivera", trail: ["requester", "name"])));
        Assert.Empty(Types(new PersonalDetailsDetector(),
            At("name", "Sam", trail: ["requester", "name"]), At("name", "Blue Theme", trail: ["settings", "name"]), At("name", "Sam Rivera")));
    }

    [Fact]
    public void HardwareDerivedIdsAreDeviceIdsAndGroupedSerialsAreSerialNumbers()
    {
        Assert.Equal(["device-id"], Types(new HardwareIdDetector(), At("hwid", "BFEBFBFF000906EA-4C4C4544-0039")));
        Assert.Equal(["serial-number"], Types(new HardwareIdDetector(), At("disk", "S4EWNX0R123456", trail: ["serials", "disk"])));
        Assert.Empty(Types(new HardwareIdDetector(), At("device_id", "BFEBFBFF000906EA"), At("version", "1.2.3", trail: ["serials", "version"])));
    }

    [Fact]
    public void StreetAddressesArePostalAddressesButNetworkAddressesAreNot()
    {
        Assert.Equal(["postal-address", "postal-address"], Types(new PersonalDetailsDetector(),
            At("street_address", "221B Baker Street"), At("address", "Hauptstraße 5, 10115 Berlin")));
        Assert.Empty(Types(new PersonalDetailsDetector(),
            At("ip_address", "203.0.113.7"), At("email_address", "a@b.test"), At("mac_address", "5c:e8:83:d2:71:b2"), At("address", "Berlin")));
    }

    [Fact]
    public void SerialNumbersAndSimIdentifiersAreFound()
    {
        Assert.Equal(["serial-number"], Types(new HardwareIdDetector(), At("device_serial", "R58M12ABCDE")));
        Assert.Equal(["serial-number"], Types(new HardwareIdDetector(), At("iccid", "8949020000012345670")));
        Assert.Equal(["device-id"], Types(new HardwareIdDetector(), At("imsi", "262011234567890")));
    }

    [Fact]
    public void ScreenNamesSequenceNumbersAndBadChecksumsAreNotHardwareIds() =>
        Assert.Empty(Types(new HardwareIdDetector(),
            At("_sn", "CheckoutActivity"), At("sn", "12345"), At("iccid", "8949020000012345678"), At("serial", "0000000000"), At("serial", "unknown")));

    [Fact]
    public void PackageNamesInAnInstalledAppsListAreInstalledApps()
    {
        Assert.Equal(["installed-apps", "installed-apps"], Types(new InstalledAppsDetector(),
            At("apps", "com.whatsapp", trail: ["apps"]), At("pkg", "com.spotify.music", trail: ["installed_packages", "pkg"])));
        Assert.Empty(Types(new InstalledAppsDetector(), At("package", "com.example.browser"), At("app_id", "com.example.browser"), At("apps", "WhatsApp")));
    }

    [Fact]
    public void CardNumbersInCardFieldsAndValidIbansAreFinancialData()
    {
        Assert.Equal(["financial-data", "financial-data"], Types(new PaymentCardDetector(),
            At("card_number", "4111 1111 1111 1111"), At("payout", "DE89 3704 0044 0532 0130 00")));
        Assert.Empty(Types(new PaymentCardDetector(),
            At("order_id", "4111111111111111"), At("card_number", "4111111111111112"), At("iban", "DE89 3704 0044 0532 0130 01")));
    }

    [Fact]
    public void HashesAndNamesInsideAContactListAreContacts()
    {
        Assert.Equal(["contacts", "contacts"], Types(new ContactsDetector(),
            At("contacts", "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", trail: ["contacts"]),
            At("name", "Ana López", trail: ["address_book", "name"])));
        Assert.Empty(Types(new ContactsDetector(),
            At("contacts_version", "5e884898da28047151d0e56f8dc62927", trail: ["contacts_version"]),
            At("name", "Ana López", trail: ["profile", "name"])));
    }

    [Fact]
    public void ThreeDistinctHashesUnderANumbersFieldAreAnAddressBookButOneHashIsNot()
    {
        string Sha(int i) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData([(byte)i])).ToLowerInvariant();
        var list = Enumerable.Range(0, 3).Select(i => At("phone_hashes", Sha(i), container: "$.phone_hashes")).ToArray();
        Assert.Equal(["contacts"], Types(new ContactsDetector(), list));
        Assert.Empty(Types(new ContactsDetector(), At("hashed_email", Sha(9), container: "$.user")));
        Assert.Empty(Types(new ContactsDetector(), list[..2]));
    }

    [Fact]
    public void ProseUnderAMessageIsTheUsersMessage()
    {
        Assert.Equal(["messages"], Types(new MessageDetector(),
            At("body", "The app crashes every time I open the camera", trail: ["ticket", "comment", "body"])));
        Assert.Equal(["messages"], Types(new MessageDetector(), At("text", "See you at the station at eight", trail: ["messages", "text"])));
    }

    [Fact]
    public void ErrorMessagesLabelsAndCodesAreNotMessages() =>
        Assert.Empty(Types(new MessageDetector(),
            At("message", "Connection timed out after 30 seconds", trail: ["error", "message"]),
            At("text", "Sign in to continue", trail: ["button", "text"]),
            At("message", "Your order has shipped today", trail: ["notification", "message"]),
            At("text", "k3J9 xQ2 pL0 zz9 A1", trail: ["messages", "text"]),
            At("message", "ok", trail: ["message"])));

    [Fact]
    public void ProgrammesAndChannelsWatchedAreMediaUsageButLoyaltyProgramsAreNot()
    {
        Assert.Equal(["media-usage", "media-usage"], Types(new FieldSemanticsDetector(), At("program", "Evening News"), At("channel_name", "BBC One")));
        Assert.Empty(Types(new FieldSemanticsDetector(), At("loyalty_program", "gold"), At("time_series", "cpu")));
    }

    [Fact]
    public void FieldsNamedForAnAccountIdCountWithoutRecurringButOtherIdsMustRecur()
    {
        var items = Run(new IdentifierFieldDetector(), At("userId", "u_1043"), At("athlete_id", "48213377", number: true), At("user", "k7Q2M9XKD4T1"));
        Assert.Equal(["u_1043", "48213377", "k7Q2M9XKD4T1"], items.Select(i => i.Value));
        Assert.Equal([false, false, true], items.Select(ItemSelection.IsWeak));
        Assert.Empty(Run(new IdentifierFieldDetector(), At("user_id", "1714557600"), At("customer_id", "0")));
    }

    [Fact]
    public void AdvertiserIdsAndResettableDeviceIdsAreAdvertisingIds() =>
        Assert.Equal(["advertising-id", "advertising-id"], Types(new AdvertisingIdDetector(),
            At("advertiserId", "3f2504e0-4f89-41d3-9a0c-0305e82c3301"), At("resettable_device_id", "3f2504e0-4f89-41d3-9a0c-0305e82c3301")));

    [Fact]
    public void ModelCodesUnderDeviceNameAreDeviceModelsButIdsAreNot()
    {
        Assert.Equal(["device-model"], Types(new DeviceInfoDetector(), At("device_name", "SM-A515F")));
        Assert.Empty(Types(new DeviceInfoDetector(), At("device", "9774d56d682e549c"), At("device", "abc12345def")));
    }

    [Fact]
    public void OperatorAsTheWholeFieldNameIsNetworkInfo()
    {
        Assert.Equal(["network-info"], Types(new FieldSemanticsDetector(), At("operator", "China Mobile")));
        Assert.Empty(Types(new FieldSemanticsDetector(), At("operator_id", "42", number: true)));
    }
}
