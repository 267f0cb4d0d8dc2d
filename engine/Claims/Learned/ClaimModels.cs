using System.IO.Compression;
using Compliance.Engine.Ontology;

namespace Compliance.Engine.Claims.Learned;

/// <summary>
/// The learned stages of claim extraction, trained together from labelled sentences with spans
/// (ml-models/LABELLING.md) and written to one small file:
/// practice (does the sentence state a practice), tagger (BIO tags of verbs, data, recipients, conditions,
/// negation cues), the value of each span (data type, recipient class, condition kind), attachment (does a
/// span belong to a verb's claim), action (per verb), polarity (per verb and data span), qualifiers and
/// purposes (per claim).
/// </summary>
public sealed class ClaimModels
{
    public const string EmbeddedName = "Compliance.Engine.Claims.claim-models.bin";
    private const string Magic = "claim-models/4";

    public required IClassifier Practice { get; init; }
    public required IClassifier Tagger { get; init; }
    public required IClassifier DataType { get; init; }
    public required IClassifier Recipient { get; init; }
    public required IClassifier Condition { get; init; }
    public required IClassifier Attachment { get; init; }
    public required IClassifier Action { get; init; }
    public required IClassifier Polarity { get; init; }
    public required IReadOnlyDictionary<string, IClassifier> Qualifiers { get; init; }
    public required IReadOnlyDictionary<string, IClassifier> Purposes { get; init; }
    /// <summary>What the training data spans were labelled, by wording (a learned lexicon).</summary>
    public required PhraseMemory DataMemory { get; init; }
    public required PhraseMemory RecipientMemory { get; init; }
    public required PhraseMemory ActionMemory { get; init; }

    /// <summary>Features of a verb span for <see cref="Action"/>.</summary>
    public float[] ActionFeatures(SentenceView s, WordSpan anchor, IReadOnlyList<string> recipients, bool hasData) =>
        ClaimFeatures.Action(s, anchor, recipients, Recipient.Classes, hasData, ActionMemory);

    /// <summary>Features of a data span for <see cref="DataType"/>.</summary>
    public float[] DataFeatures(SentenceView s, WordSpan span) => DataFeatures(s, span, DataType.Classes, DataMemory, -1);

    public float[] RecipientFeatures(SentenceView s, WordSpan span) => RecipientFeatures(s, span, Recipient.Classes, RecipientMemory, -1);

    public static float[] ConditionFeatures(SentenceView s, WordSpan span) => ClaimFeatures.Span(s, span, null, null);

    private static float[] DataFeatures(SentenceView s, WordSpan span, IReadOnlyList<string> classes, PhraseMemory memory, int exclude) =>
        ClaimFeatures.Span(s, span, classes, w => s.Cues.DataTerm[w], memory, exclude);

    private static float[] RecipientFeatures(SentenceView s, WordSpan span, IReadOnlyList<string> classes, PhraseMemory memory, int exclude) =>
        ClaimFeatures.Span(s, span, classes, w => s.Cues.RecipientTerm[w], memory, exclude);

    /// <summary>The models shipped inside the engine, or null when the build carries none.</summary>
    public static ClaimModels? LoadEmbedded()
    {
        using var stream = typeof(ClaimModels).Assembly.GetManifestResourceStream(EmbeddedName);
        return stream is null ? null : Read(stream);
    }

    public void Write(Stream output)
    {
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        foreach (var model in new[] { Practice, Tagger, DataType, Recipient, Condition, Attachment, Action, Polarity })
            WriteModel(writer, model);
        DataMemory.Write(writer);
        RecipientMemory.Write(writer);
        ActionMemory.Write(writer);
        foreach (var set in new[] { Qualifiers, Purposes })
        {
            writer.Write(set.Count);
            foreach (var (name, model) in set.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.Write(name);
                WriteModel(writer, model);
            }
        }
    }

    /// <summary>Reads a model file; a file of another format or version is an <see cref="InvalidDataException"/>.</summary>
    public static ClaimModels Read(Stream input)
    {
        using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(gzip);
        if (reader.ReadString() != Magic)
            throw new InvalidDataException($"not a claim model file of this version ({Magic})");
        var models = Enumerable.Range(0, 8).Select(_ => ReadModel(reader)).ToArray();
        var dataMemory = PhraseMemory.Read(reader);
        var recipientMemory = PhraseMemory.Read(reader);
        var actionMemory = PhraseMemory.Read(reader);
        var sets = Enumerable.Range(0, 2).Select(_ =>
        {
            var count = Bounded(reader.ReadInt32(), 100);
            var set = new SortedDictionary<string, IClassifier>(StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
                set[reader.ReadString()] = ReadModel(reader);
            return set;
        }).ToArray();
        return new ClaimModels
        {
            Practice = models[0], Tagger = models[1], DataType = models[2], Recipient = models[3], Condition = models[4],
            Attachment = models[5], Action = models[6], Polarity = models[7], Qualifiers = sets[0], Purposes = sets[1],
            DataMemory = dataMemory, RecipientMemory = recipientMemory, ActionMemory = actionMemory,
        };
    }

    /// <summary>Writes a classifier's class names and input width, the header every model kind starts with.</summary>
    internal static void WriteHeader(BinaryWriter writer, IReadOnlyList<string> classes, int features)
    {
        writer.Write(classes.Count);
        foreach (var c in classes)
            writer.Write(c);
        writer.Write(features);
    }

    internal static (string[] Classes, int Features) ReadHeader(BinaryReader reader)
    {
        var classes = new string[Bounded(reader.ReadInt32(), 1000)];
        for (var i = 0; i < classes.Length; i++)
            classes[i] = reader.ReadString();
        return (classes, Bounded(reader.ReadInt32(), 100_000));
    }

    internal static void WriteFloats(BinaryWriter writer, float[] values)
    {
        foreach (var v in values)
            writer.Write(v);
    }

    internal static float[] ReadFloats(BinaryReader reader, int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
            values[i] = reader.ReadSingle();
        return values;
    }

    /// <summary>A count read from a model file, checked before anything is allocated for it.</summary>
    internal static int Bounded(int value, int max) =>
        value >= 0 && value <= max ? value : throw new InvalidDataException($"a model file count of {value} is outside 0..{max}");

    private static void WriteModel(BinaryWriter writer, IClassifier model)
    {
        switch (model)
        {
            case LinearModel linear:
                writer.Write('L');
                linear.Write(writer);
                break;
            case NeuralModel neural:
                writer.Write('N');
                neural.Write(writer);
                break;
            default:
                throw new ArgumentException($"cannot write a {model.GetType().Name}", nameof(model));
        }
    }

    private static IClassifier ReadModel(BinaryReader reader) => reader.ReadChar() switch
    {
        'L' => LinearModel.Read(reader),
        'N' => NeuralModel.Read(reader),
        var other => throw new InvalidDataException($"unknown model kind '{other}'"),
    };

    /// <summary>Regularisation of each stage (chosen by grouped cross-validation; MODEL_CARD.md).</summary>
    public sealed record Settings
    {
        public float PracticeL2 { get; init; } = 4f;
        public float TaggerL2 { get; init; } = 4f;
        public float SpanL2 { get; init; } = 2f;
        public float AttachmentL2 { get; init; } = 2f;
        public float ActionL2 { get; init; } = 2f;
        public float PolarityL2 { get; init; } = 2f;
        public float ClaimL2 { get; init; } = 4f;
        public int Iterations { get; init; } = 150;
        /// <summary>Whether the span classifiers see the phrase memory (off only to measure what it adds).</summary>
        public bool UsePhraseMemory { get; init; } = true;
        /// <summary>Stages trained as small neural networks instead of linear models, by stage name ("tagger", "data type" …).</summary>
        public IReadOnlyDictionary<string, NeuralModel.Options> Neural { get; init; } = new Dictionary<string, NeuralModel.Options>
        {
            ["tagger"] = new() { Hidden = 256, Epochs = 8 },
            ["data type"] = new() { Hidden = 128, Epochs = 20 },
            ["recipient"] = new() { Hidden = 128, Epochs = 20 },
            ["condition"] = new() { Hidden = 128, Epochs = 20 },
        };
    }

    /// <summary>Trains every stage on <paramref name="gold"/>; the same sentences in the same order give the same models.</summary>
    public static ClaimModels Train(IReadOnlyList<GoldSentence> gold, OntologyModel ontology, Settings? settings = null, Action<string>? log = null)
    {
        settings ??= new Settings();
        var dataTypes = DataTypeClasses(ontology);
        var recipients = RecipientClasses(ontology);
        var actions = ontology.Document.Actions.Select(a => a.Id).ToArray();
        var purposes = ontology.Document.Purposes.Select(p => p.Id).ToArray();

        IClassifier Fit(string name, IReadOnlyList<string> classes, List<Example> examples, float l2)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var neural = settings.Neural.GetValueOrDefault(name.StartsWith("qualifier ", StringComparison.Ordinal) ? "qualifier"
                : name.StartsWith("purpose ", StringComparison.Ordinal) ? "purpose" : name);
            IClassifier model = neural is null ? LinearModel.Train(classes, examples, l2, settings.Iterations) : NeuralModel.Train(classes, examples, neural);
            log?.Invoke($"{name}: {examples.Count} examples, {watch.Elapsed.TotalSeconds:0.0} s");
            return model;
        }

        var practice = Fit("practice", ["no", "yes"],
            gold.Select(g => new Example(ClaimFeatures.Sentence(g.View), g.Label.Claims.Count > 0 ? 1 : 0)).ToList(), settings.PracticeL2);

        var tagExamples = new List<Example>();
        foreach (var g in gold)
        {
            for (var w = 0; w < g.View.Count; w++)
                tagExamples.Add(new Example(ClaimFeatures.Word(g.View, w), g.Tags[w]));
        }
        var tagger = Fit("tagger", WordTags.Names, tagExamples, settings.TaggerL2);
        tagExamples.Clear();

        var dataMemory = settings.UsePhraseMemory ? Memory(gold, WordTags.Data, dataTypes) : new PhraseMemory(dataTypes.Length);
        var recipientMemory = settings.UsePhraseMemory ? Memory(gold, WordTags.Recipient, recipients) : new PhraseMemory(recipients.Length);
        var actionMemory = settings.UsePhraseMemory ? ActionMemoryOf(gold, actions) : new PhraseMemory(actions.Length);
        var dataType = Fit("data type", dataTypes,
            SpanExamples(gold, WordTags.Data, dataTypes, v => v, (s, span, label) => DataFeatures(s, span, dataTypes, dataMemory, label)), settings.SpanL2);
        var recipient = Fit("recipient", recipients,
            SpanExamples(gold, WordTags.Recipient, recipients, v => v, (s, span, label) => RecipientFeatures(s, span, recipients, recipientMemory, label)), settings.SpanL2);
        var condition = Fit("condition", ClaimFeatures.ConditionKinds,
            SpanExamples(gold, WordTags.Condition, ClaimFeatures.ConditionKinds, ConditionKind, (s, span, _) => ConditionFeatures(s, span)), settings.SpanL2);

        var pairs = new List<Example>();
        var actionExamples = new List<Example>();
        var polarityExamples = new List<Example>();
        var claimRows = new List<(float[] Features, LabelledClaimView Claim)>();
        foreach (var g in gold)
        {
            var anchors = g.OfKind(WordTags.Action).ToList();
            var anchorSpans = anchors.Select(a => a.Span).ToList();
            foreach (var a in anchors)
            {
                foreach (var s in g.Spans.Where(s => s.Span.Kind is WordTags.Data or WordTags.Recipient or WordTags.Condition))
                    pairs.Add(new Example(ClaimFeatures.Pair(g.View, s.Span, a.Span, anchorSpans), s.Claims.Intersect(a.Claims).Any() ? 1 : 0));

                var shared = g.Spans.Where(s => s.Claims.Intersect(a.Claims).Any()).ToList();
                var claim = g.Label.Claims[a.Claims[0]];
                var attachedRecipients = shared.Where(s => s.Span.Kind == WordTags.Recipient && s.Value is not null).Select(s => s.Value!).Distinct().ToList();
                var data = shared.Where(s => s.Span.Kind == WordTags.Data).ToList();
                var actionIndex = Array.IndexOf(actions, claim.Action);
                actionExamples.Add(new Example(ClaimFeatures.Action(g.View, a.Span, attachedRecipients, recipients, data.Count > 0, actionMemory, actionIndex), actionIndex));

                var conditionKinds = shared.Where(s => s.Span.Kind == WordTags.Condition && s.Value is not null).Select(s => ConditionKind(s.Value!)).Distinct().ToList();
                if (data.Count == 0)
                    polarityExamples.Add(new Example(ClaimFeatures.Polarity(g.View, a.Span, null, conditionKinds), claim.Polarity == Claims.Polarity.Negative ? 1 : 0));
                foreach (var d in data)
                {
                    var owner = g.Label.Claims[d.Claims.Intersect(a.Claims).First()];
                    polarityExamples.Add(new Example(ClaimFeatures.Polarity(g.View, a.Span, d.Span, conditionKinds), owner.Polarity == Claims.Polarity.Negative ? 1 : 0));
                }
                foreach (var c in a.Claims)
                {
                    var own = g.Spans.Where(s => s.Span.Kind == WordTags.Data && s.Claims.Contains(c)).Select(s => s.Span).ToList();
                    claimRows.Add((ClaimFeatures.Claim(g.View, a.Span, own, g.Label.Claims[c].Polarity == Claims.Polarity.Negative), new LabelledClaimView(g.Label.Claims[c].Qualifiers, g.Label.Claims[c].Purposes)));
                }
            }
        }
        var attachment = Fit("attachment", ["no", "yes"], pairs, settings.AttachmentL2);
        var action = Fit("action", actions, actionExamples, settings.ActionL2);
        var polarity = Fit("polarity", ["affirmative", "negative"], polarityExamples, settings.PolarityL2);
        var qualifiers = ClaimFeatures.Qualifiers.ToDictionary(q => q,
            q => Fit("qualifier " + q, ["no", "yes"], claimRows.Select(r => new Example(r.Features, r.Claim.Qualifiers.Contains(q) ? 1 : 0)).ToList(), settings.ClaimL2), StringComparer.Ordinal);
        var purposeModels = purposes.ToDictionary(p => p,
            p => Fit("purpose " + p, ["no", "yes"], claimRows.Select(r => new Example(r.Features, r.Claim.Purposes.Contains(p) ? 1 : 0)).ToList(), settings.ClaimL2), StringComparer.Ordinal);

        return new ClaimModels
        {
            Practice = practice, Tagger = tagger, DataType = dataType, Recipient = recipient, Condition = condition,
            Attachment = attachment, Action = action, Polarity = polarity, Qualifiers = qualifiers, Purposes = purposeModels,
            DataMemory = dataMemory, RecipientMemory = recipientMemory, ActionMemory = actionMemory,
        };
    }

    private sealed record LabelledClaimView(IReadOnlyList<string> Qualifiers, IReadOnlyList<string> Purposes);

    public static string ConditionKind(string condition) => condition.StartsWith("setting-enabled", StringComparison.Ordinal) ? "setting-enabled" : condition;

    public static string[] DataTypeClasses(OntologyModel ontology) => ontology.DataTypes.Select(t => t.Id).ToArray();

    public static string[] RecipientClasses(OntologyModel ontology) => ontology.Recipients.Select(t => t.Id).ToArray();

    private static PhraseMemory Memory(IReadOnlyList<GoldSentence> gold, string kind, IReadOnlyList<string> classes)
    {
        var memory = new PhraseMemory(classes.Count);
        foreach (var g in gold)
        {
            foreach (var s in g.OfKind(kind))
            {
                var index = s.Value is null ? -1 : IndexOf(classes, s.Value);
                if (index >= 0)
                    memory.Add(g.View.SpanText(s.Span), index);
            }
        }
        return memory;
    }

    private static PhraseMemory ActionMemoryOf(IReadOnlyList<GoldSentence> gold, IReadOnlyList<string> actions)
    {
        var memory = new PhraseMemory(actions.Count);
        foreach (var g in gold)
        {
            foreach (var a in g.OfKind(WordTags.Action))
                memory.Add(g.View.SpanText(a.Span), IndexOf(actions, g.Label.Claims[a.Claims[0]].Action));
        }
        return memory;
    }

    private static List<Example> SpanExamples(IReadOnlyList<GoldSentence> gold, string kind, IReadOnlyList<string> classes, Func<string, string> classOf,
        Func<SentenceView, WordSpan, int, float[]> features)
    {
        var examples = new List<Example>();
        foreach (var g in gold)
        {
            foreach (var s in g.OfKind(kind))
            {
                var index = s.Value is null ? -1 : IndexOf(classes, classOf(s.Value));
                if (index >= 0)
                    examples.Add(new Example(features(g.View, s.Span, index), index));
            }
        }
        return examples;
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
                return i;
        }
        return -1;
    }
}
