namespace Conclave.TestSupport;

/// <summary>Key-package bytes as clients build them: an MLS 1.0 mls_key_package header, told apart by the fifth byte.</summary>
public static class KeyPackageData
{
    public static byte[] Valid(byte marker = 0, int length = 8)
    {
        var data = new byte[length];
        data[1] = 1;
        data[3] = 5;
        if (length > 4) data[4] = marker;
        return data;
    }
}
