namespace BotAutoOrder.Web.Playground;

/// <summary>
/// The playground's memory: per-chat transcripts (bot, buyer and system messages, edited in place, deletions kept as
/// tombstones), the reply keyboard each chat currently shows, callback toasts and the files that passed through.
/// In memory and bounded (messages per chat, chats, file bytes) so a long session cannot grow without limit; one lock,
/// because the traffic is a few browser tabs, not a shop floor.
/// </summary>
public sealed class PlaygroundStore(TimeProvider clock)
{
    public const int MaxMessagesPerChat = 200;
    public const int MaxChats = 200;
    public const long MaxFileBytes = 64L * 1024 * 1024;
    private const int MaxPendingCallbacks = 1000;

    private readonly Lock _lock = new();
    private readonly Dictionary<long, PlaygroundChat> _chats = [];
    private readonly Dictionary<string, long> _callbackChats = [];
    private readonly Queue<string> _callbackOrder = new();
    private readonly Dictionary<string, PlaygroundFile> _files = [];
    private readonly Queue<string> _fileOrder = new();
    private long _fileBytes;
    private long _version;
    private long _fileSeq;
    private long _callbackSeq;
    private int _updateId = -1;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>False until <see cref="SeedUpdateIds"/> ran: update ids must continue after those the database has seen.</summary>
    public bool UpdateIdsSeeded => Volatile.Read(ref _updateId) >= 0;

    public void SeedUpdateIds(int lastUsed) => Interlocked.CompareExchange(ref _updateId, Math.Max(0, lastUsed), -1);

    public int NextUpdateId() => Interlocked.Increment(ref _updateId);

    /// <summary>Adds a message with the chat's next message id (bot and buyer share one counter, as in Telegram).</summary>
    public PlaygroundMessage Add(long chatId, PlaygroundAuthor author, Func<PlaygroundMessage, PlaygroundMessage> fill)
    {
        lock (_lock)
        {
            var chat = ChatOf(chatId);
            var id = author == PlaygroundAuthor.System ? -(int)(_version + 1) : ++chat.LastMessageId;
            var message = fill(new PlaygroundMessage(chatId, id, author, Now)) with { Version = ++_version };
            chat.Messages.Add(message);
            if (chat.Messages.Count > MaxMessagesPerChat) chat.Messages.RemoveAt(0);
            chat.Version = _version;
            return message;
        }
    }

    public PlaygroundMessage? Find(long chatId, int messageId)
    {
        lock (_lock)
            return _chats.TryGetValue(chatId, out var chat) ? chat.Messages.FirstOrDefault(m => m.MessageId == messageId && !m.Deleted)
                : null;
    }

    /// <summary>Replaces a live message (an edit or a deletion); null when it does not exist (any more).</summary>
    public PlaygroundMessage? Change(long chatId, int messageId, Func<PlaygroundMessage, PlaygroundMessage> change)
    {
        lock (_lock)
        {
            if (!_chats.TryGetValue(chatId, out var chat)) return null;
            var index = chat.Messages.FindIndex(m => m.MessageId == messageId && !m.Deleted);
            if (index < 0) return null;
            var changed = change(chat.Messages[index]) with { Version = ++_version };
            chat.Messages[index] = changed;
            chat.Version = _version;
            return changed;
        }
    }

    /// <summary>The reply keyboard under the input box: set by a <c>keyboard</c> markup, cleared by <c>remove_keyboard</c>.</summary>
    public void SetReplyKeyboard(long chatId, IReadOnlyList<IReadOnlyList<string>>? rows)
    {
        lock (_lock) ChatOf(chatId).ReplyKeyboard = rows;
    }

    public void SetProfile(long chatId, PlaygroundProfile profile)
    {
        lock (_lock) ChatOf(chatId).Profile = profile;
    }

    public PlaygroundProfile? ProfileOf(long chatId)
    {
        lock (_lock) return _chats.TryGetValue(chatId, out var chat) ? chat.Profile : null;
    }

    /// <summary>A new callback query id, remembered so <c>answerCallbackQuery</c> knows which chat shows the toast.</summary>
    public string NewCallbackQuery(long chatId)
    {
        lock (_lock)
        {
            var id = $"pgq{++_callbackSeq}";
            _callbackChats[id] = chatId;
            _callbackOrder.Enqueue(id);
            if (_callbackOrder.Count > MaxPendingCallbacks) _callbackChats.Remove(_callbackOrder.Dequeue());
            return id;
        }
    }

    /// <summary>Records the answer of a callback query once; false for an unknown or already answered query.</summary>
    public bool AnswerCallback(string queryId, string? text, bool showAlert)
    {
        lock (_lock)
        {
            if (!_callbackChats.Remove(queryId, out var chatId)) return false;
            var chat = ChatOf(chatId);
            if (!string.IsNullOrEmpty(text)) chat.Toasts.Add(new PlaygroundToast(++_version, text, showAlert));
            if (chat.Toasts.Count > 20) chat.Toasts.RemoveAt(0);
            chat.Version = _version;
            return true;
        }
    }

    public PlaygroundFile AddFile(string kind, string fileName, string contentType, byte[] bytes)
    {
        lock (_lock)
        {
            var file = new PlaygroundFile($"pg-{kind}-{++_fileSeq}", fileName, contentType, bytes);
            _files[file.FileId] = file;
            _fileOrder.Enqueue(file.FileId);
            _fileBytes += bytes.LongLength;
            while (_fileBytes > MaxFileBytes && _fileOrder.Count > 1 && _files.Remove(_fileOrder.Dequeue(), out var old))
                _fileBytes -= old.Bytes.LongLength;
            return file;
        }
    }

    public PlaygroundFile? FileOf(string fileId)
    {
        lock (_lock) return _files.GetValueOrDefault(fileId);
    }

    /// <summary>What changed in a chat after <paramref name="afterVersion"/>: the page polls with the version it has.</summary>
    public PlaygroundTranscript Transcript(long chatId, long afterVersion)
    {
        lock (_lock)
        {
            if (!_chats.TryGetValue(chatId, out var chat)) return new PlaygroundTranscript(_version, [], [], null);
            return new PlaygroundTranscript(_version,
                chat.Messages.Where(m => m.Version > afterVersion).ToList(),
                chat.Toasts.Where(t => t.Version > afterVersion).ToList(),
                chat.ReplyKeyboard);
        }
    }

    private PlaygroundChat ChatOf(long chatId)
    {
        if (_chats.TryGetValue(chatId, out var chat)) return chat;
        if (_chats.Count >= MaxChats) _chats.Remove(_chats.MinBy(c => c.Value.Version).Key);
        return _chats[chatId] = new PlaygroundChat();
    }

    private sealed class PlaygroundChat
    {
        public List<PlaygroundMessage> Messages { get; } = [];
        public List<PlaygroundToast> Toasts { get; } = [];
        public IReadOnlyList<IReadOnlyList<string>>? ReplyKeyboard { get; set; }
        public PlaygroundProfile? Profile { get; set; }
        public int LastMessageId { get; set; }
        public long Version { get; set; }
    }
}
