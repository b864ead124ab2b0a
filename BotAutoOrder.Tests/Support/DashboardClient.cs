using System.Net;
using System.Text.RegularExpressions;

namespace BotAutoOrder.Tests.Support;

/// <summary>
/// A browser-like client for the dashboard: keeps cookies, does not follow redirects on its own, reads the antiforgery
/// token from a rendered page and posts forms (url-encoded or multipart) with it, as a browser would.
/// </summary>
public sealed partial class DashboardClient : IDisposable
{
    private readonly HttpClient _http;

    public DashboardClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = baseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    /// <summary>Headers sent with every request (e.g. <c>X-Forwarded-For</c> as a trusted proxy would add it).</summary>
    public System.Net.Http.Headers.HttpRequestHeaders Headers => _http.DefaultRequestHeaders;

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url);

    /// <summary>GETs a page that must answer 200 and returns its HTML.</summary>
    public async Task<string> GetPageAsync(string url)
    {
        using var response = await _http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        return html;
    }

    /// <summary>Posts a form to <paramref name="url"/> with the antiforgery token read from <paramref name="formPage"/> (default: the url without its query).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var token = await TokenFromAsync(formPage ?? url.Split('?')[0]);
        var all = fields.Append(new("__RequestVerificationToken", token));
        return await _http.PostAsync(url, new FormUrlEncodedContent(all));
    }

    public Task<HttpResponseMessage> PostFormAsync(string url, params (string Key, string Value)[] fields) =>
        PostFormAsync(url, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>Posts a multipart form with one file, like an upload from a file input.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string url, string fieldName, string fileName, byte[] content,
        IEnumerable<(string Key, string Value)>? fields = null, string? formPage = null)
    {
        var token = await TokenFromAsync(formPage ?? url.Split('?')[0]);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (key, value) in fields ?? []) form.Add(new StringContent(value), key);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        form.Add(file, fieldName, fileName);
        return await _http.PostAsync(url, form);
    }

    /// <summary>Posts without any antiforgery token (what a cross-site form would do).</summary>
    public Task<HttpResponseMessage> PostWithoutTokenAsync(string url, params (string Key, string Value)[] fields) =>
        _http.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))));

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        PostFormAsync("/login", ("Input.Email", email), ("Input.Password", password));

    /// <summary>Follows a redirect answer (post/redirect/get) and returns the page it leads to.</summary>
    public async Task<string> FollowAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"expected a redirect, got {(int)response.StatusCode}: {Excerpt(await response.Content.ReadAsStringAsync())}");
        return await GetPageAsync(response.Headers.Location!.ToString());
    }

    public static string? TokenIn(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    private async Task<string> TokenFromAsync(string page)
    {
        var html = await GetPageAsync(page);
        return TokenIn(html) ?? throw new InvalidOperationException($"{page} has no antiforgery token");
    }

    private static string Excerpt(string html) => html.Length > 2000 ? html[..2000] : html;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => _http.Dispose();
}
