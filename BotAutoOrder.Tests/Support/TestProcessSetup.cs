using System.Runtime.CompilerServices;

namespace BotAutoOrder.Tests.Support;

/// <summary>Process-wide settings for the test run, applied before any test class is loaded.</summary>
internal static class TestProcessSetup
{
    /// <summary>
    /// Every app a test starts watches its appsettings files for changes; with inotify each watcher costs one of the
    /// user's inotify instances (128 by default on Debian), and a suite that has several hundred apps alive over its run
    /// (xUnit runs classes in parallel) exhausts them: the next app fails to start with "The configured user limit (128)
    /// on the number of inotify instances has been reached". The polling watcher uses no inotify instance, and no test
    /// edits a settings file while an app runs.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
