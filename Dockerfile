# Production image: build with the SDK, run on the ASP.NET runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore in its own layer: it is reused until a project file or a package version changes.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY BotAutoOrder.Domain/BotAutoOrder.Domain.csproj BotAutoOrder.Domain/
COPY BotAutoOrder.Web/BotAutoOrder.Web.csproj BotAutoOrder.Web/
RUN dotnet restore BotAutoOrder.Web/BotAutoOrder.Web.csproj
# The sources (.dockerignore keeps bin/, obj/, data/, logs/, .git and the tests out of the context).
COPY . .
RUN dotnet publish BotAutoOrder.Web/BotAutoOrder.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Created here so the named volumes mounted on them start out owned by the app user.
RUN mkdir -p /app/data /app/logs /app/backups && chown -R app:app /app/data /app/logs /app/backups
USER app
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "BotAutoOrder.Web.dll"]
