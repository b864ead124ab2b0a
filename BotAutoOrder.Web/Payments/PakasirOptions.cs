namespace BotAutoOrder.Web.Payments;

public enum PakasirMode
{
    Live,
    Simulator,
}

public enum PakasirApiVersion
{
    V1,
    V2,
}

/// <summary><c>Pakasir:*</c> from the contract.</summary>
public sealed class PakasirOptions
{
    public const string Section = "Pakasir";
    public const string SimulatorProject = "simulator";
    public const string SimulatorApiKey = "simulator-key";

    public PakasirMode? Mode { get; set; }
    public PakasirApiVersion ApiVersion { get; set; } = PakasirApiVersion.V2;
    public string BaseUrl { get; set; } = "https://app.pakasir.com";
    public string Project { get; set; } = "";
    public string ApiKey { get; set; } = "";
    public string WebhookSecret { get; set; } = "";
    public string Method { get; set; } = "qris";

    /// <summary>Per-attempt timeout of a gateway call in seconds (a buyer is waiting; Pakasir answers in well under a second).</summary>
    public int TimeoutSeconds { get; set; } = 15;

    public PakasirMode EffectiveMode => Mode ??
        (string.IsNullOrWhiteSpace(Project) || string.IsNullOrWhiteSpace(ApiKey) ? PakasirMode.Simulator : PakasirMode.Live);

    /// <summary>The project slug in force (the simulator has its own).</summary>
    public string EffectiveProject => EffectiveMode == PakasirMode.Simulator && string.IsNullOrWhiteSpace(Project) ? SimulatorProject
        : Project;

    public string EffectiveApiKey => EffectiveMode == PakasirMode.Simulator && string.IsNullOrWhiteSpace(ApiKey) ? SimulatorApiKey : ApiKey;
}
