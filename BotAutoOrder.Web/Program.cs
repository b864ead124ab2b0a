using BotAutoOrder.Domain;
using BotAutoOrder.Web.Backups;
using BotAutoOrder.Web.Cli;
using BotAutoOrder.Web.Dashboard;
using BotAutoOrder.Web.Hosting;
using BotAutoOrder.Web.Payments;
using BotAutoOrder.Web.Payments.Simulator;
using BotAutoOrder.Web.Playground;
using BotAutoOrder.Web.Telegram;
using BotAutoOrder.Web.Workers;
using Prometheus;
using Serilog;

// A problem the operator can fix (a setting, an unreachable database) prints one line per problem and exits 2.
return await StartupFailure.GuardAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddRootAppSettings();
    builder.AddObservability();
    builder.Services.AddHostOptions(builder.Configuration);
    builder.Services.AddDatabase(builder.Configuration);
    builder.Services.AddDomain();
    builder.Services.AddStockEncryption(builder.Configuration);
    builder.Services.AddTelegramBot(builder.Configuration);
    builder.Services.AddDashboard(builder.Configuration);
    builder.Services.AddPlayground(builder.Configuration);
    builder.Services.AddPakasir(builder.Configuration);
    builder.Services.AddPaymentFlow();
    builder.Services.AddWorkers(builder.Configuration);
    builder.Services.AddBackups(builder.Configuration);

    var app = builder.Build();
    if (CommandLine.IsJob(args)) return await CommandLine.RunAsync(app, args);
    app.Services.ValidateOptions();
    app.LogStartupSummary();
    if (app.Configuration.GetValue("Database:MigrateOnStartup", true)) await app.MigrateAtStartAsync();
    await app.Services.PrepareStockEncryptionAsync();
    await app.Services.SeedIfPlaygroundAsync();

    app.UseDashboardTransportSecurity();
    app.UseSerilogRequestLogging();
    app.UseHttpMetrics();
    app.UseDashboard();
    app.MapObservability();
    app.MapTelegramWebhook();
    app.MapDashboard();
    app.MapPakasirWebhook();
    app.MapPakasirSimulator();
    app.MapPlayground();
    await app.RunAsync();
    return 0;
});

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
