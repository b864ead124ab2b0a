using System.Text.Json;

namespace BotAutoOrder.Domain.Backups;

/// <summary>
/// Reads a large JSON document from a stream token by token, holding only the current value in memory: a growing
/// buffer refilled from the stream, parsed with <see cref="Utf8JsonReader"/> (a ref struct, so it lives only inside
/// <see cref="TryRead"/>; its state is carried between calls).
/// </summary>
internal sealed class BackupJsonReader(Stream stream, int maxValueBytes)
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = 16 });

    /// <summary>One token; with <c>whole</c> the complete value (object, array or scalar) as raw UTF-8 bytes.</summary>
    public readonly record struct Token(JsonTokenType Type, string? Text, ReadOnlyMemory<byte> Raw);

    /// <summary>The next token. With <paramref name="whole"/>, an object or array is read to its end and returned raw.</summary>
    public async ValueTask<Token> ReadAsync(bool whole, CancellationToken ct)
    {
        while (true)
        {
            if (TryRead(whole, out var token)) return token;
            if (_eof) throw new BackupFormatException("the file ends in the middle of the document (truncated or damaged)");
            await FillAsync(ct);
        }
    }

    /// <summary>Reads the rest of the stream (so a gzip stream checks its CRC) and insists it is only whitespace.</summary>
    public async Task ReadToEndAsync(CancellationToken ct)
    {
        while (true)
        {
            foreach (var b in _buffer.AsSpan(_start, _end - _start))
                if (b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
                    throw new BackupFormatException("the file has data after the end of the document");
            _start = _end;
            if (_eof) return;
            await FillAsync(ct);
        }
    }

    private bool TryRead(bool whole, out Token token)
    {
        token = default;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
        if (!reader.Read()) return false;
        var type = reader.TokenType;
        var text = type is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
        var begin = (int)reader.TokenStartIndex;
        if (whole && type is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()) return false;
        var raw = whole ? _buffer.AsMemory(_start + begin, (int)reader.BytesConsumed - begin) : default;
        token = new Token(type, text, raw);
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        return true;
    }

    private async Task FillAsync(CancellationToken ct)
    {
        var unread = _end - _start;
        if (unread == _buffer.Length)
        {
            if (_buffer.Length >= maxValueBytes)
                throw new BackupFormatException($"a single value in the file is larger than {maxValueBytes / (1024 * 1024)} MB (the restore limit)");
            var bigger = new byte[_buffer.Length * 2];
            _buffer.AsSpan(_start, unread).CopyTo(bigger);
            _buffer = bigger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, unread).CopyTo(_buffer);
        }
        _start = 0;
        _end = unread;
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), ct);
        if (read == 0) _eof = true;
        _end += read;
    }
}
