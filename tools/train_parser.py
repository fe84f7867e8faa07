#!/usr/bin/env python
"""Train gesta's English spaCy pipeline from Universal Dependencies treebanks.

Steps (all run by default, each can be skipped):

1. convert: read UD English EWT (train, dev, test) and the CC BY parts of GUM from
   ``--ud-dir`` and write spaCy DocBins to ``<out>/corpus``. GUM documents whose
   ``# newdoc id = GUM_<genre>_...`` genre is not in ``--gum-genres`` are dropped; the
   NC-licensed genres (whow / wikiHow, fiction) can never be selected.
2. config: write ``<out>/config.cfg`` (one small shared CNN tok2vec, tagger on Penn tags,
   morphologizer on UPOS, edit-tree lemmatizer, transition-based parser).
3. train: ``spacy train`` from scratch (no pretrained vectors), log in ``<out>/train.log``.
4. evaluate: score ``model-best`` on EWT test with gold tokens; measure speed.
5. package: copy a lean model to ``--package-dir`` (or ``<out>/model``) with tokenizer
   news rules, a gesta meta block, LICENSE and README.

Example::

    .venv/bin/python tools/train_parser.py --out training-runs/w64 --width 64 --depth 3
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

LOG = logging.getLogger("train_parser")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))
DEFAULT_UD = ROOT.parent / "shared" / "data" / "ud"
DEFAULT_BENCH = ROOT.parent / "shared" / "data" / "corpus" / "bbc_fulltext" / "articles.jsonl"
CC_BY_GUM_GENRES = (
    "news", "interview", "bio", "voyage", "academic", "textbook", "speech", "vlog",
    "conversation", "court", "essay", "letter", "podcast",
)
NC_GUM_GENRES = frozenset({"whow", "howto", "wikihow", "whatnot", "fiction"})
SENTS_PER_DOC = 10


@dataclass
class Word:
    form: str
    lemma: str
    upos: str
    xpos: str
    head: int  # 1-based, 0 = root
    deprel: str
    space: bool = True


@dataclass
class Sentence:
    doc_id: str
    words: list[Word] = field(default_factory=list)


# ----------------------------------------------------------------------------- reading


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def _parse_block(lines: list[str], doc_id: str) -> Sentence:
    sent = Sentence(doc_id)
    range_end, range_space = 0, True
    for line in lines:
        cols = line.split("\t")
        if len(cols) != 10 or "." in cols[0]:
            continue  # empty nodes of enhanced UD
        if "-" in cols[0]:
            start, end = (int(x) for x in cols[0].split("-"))
            range_end, range_space = end, _space_after(cols[9])
            continue
        idx = int(cols[0])
        space = _space_after(cols[9])
        if idx <= range_end:
            space = range_space if idx == range_end else False
        head = int(cols[6]) if cols[6].isdigit() else 0
        sent.words.append(Word(cols[1], cols[2], cols[3], cols[4], head, cols[7], space))
    return sent


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Yield sentences of a CoNLL-U file, each tagged with its ``newdoc id``."""
    doc_id, block = "", []
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("# newdoc id"):
                doc_id = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            elif line.strip():
                block.append(line)
            elif block:
                yield _parse_block(block, doc_id)
                block = []
    if block:
        yield _parse_block(block, doc_id)


def gum_genre(doc_id: str) -> str:
    """``GUM_news_iodine`` -> ``news``."""
    parts = doc_id.split("_")
    return parts[1].lower() if len(parts) > 2 and parts[0] == "GUM" else ""


def keep_gum(sent: Sentence, genres: frozenset[str]) -> bool:
    genre = gum_genre(sent.doc_id)
    return genre in genres and genre not in NC_GUM_GENRES


# ----------------------------------------------------------------------------- converting


def sentences_to_doc(vocab: Vocab, sents: list[Sentence]) -> Doc:
    """Build one gold Doc from consecutive sentences (heads made absolute)."""
    words, spaces, tags, pos, lemmas, heads, deps, starts = ([] for _ in range(8))
    for sent in sents:
        offset = len(words)
        for i, word in enumerate(sent.words):
            words.append(word.form)
            spaces.append(word.space)
            tags.append(word.xpos if word.xpos != "_" else word.upos)
            pos.append(word.upos)
            lemmas.append(word.lemma if word.lemma != "_" else word.form)
            heads.append(offset + word.head - 1 if word.head else offset + i)
            deps.append("ROOT" if word.head == 0 else word.deprel)
            starts.append(i == 0)
        if spaces:
            spaces[-1] = True
    spaces[-1] = False
    return Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas,
               heads=heads, deps=deps, sent_starts=starts)


def group_sentences(sents: Iterable[Sentence], size: int) -> Iterator[list[Sentence]]:
    """Chunks of up to ``size`` consecutive sentences of the same document."""
    chunk: list[Sentence] = []
    for sent in sents:
        if chunk and (len(chunk) >= size or sent.doc_id != chunk[0].doc_id):
            yield chunk
            chunk = []
        if sent.words:
            chunk.append(sent)
    if chunk:
        yield chunk


def write_docbin(sents: Iterable[Sentence], path: Path) -> dict[str, int]:
    vocab = Vocab()
    docbin = DocBin(store_user_data=False)
    n_sents = n_words = 0
    for chunk in group_sentences(sents, SENTS_PER_DOC):
        doc = sentences_to_doc(vocab, chunk)
        docbin.add(doc)
        n_sents += len(chunk)
        n_words += len(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    LOG.info("wrote %s: %d sentences, %d words", path, n_sents, n_words)
    return {"sentences": n_sents, "words": n_words}


def convert(ud_dir: Path, corpus_dir: Path, genres: frozenset[str],
            limit: int | None = None) -> dict[str, dict[str, int]]:
    """Write train/dev/test DocBins; return sentence and word counts per part."""
    bad = genres & NC_GUM_GENRES
    if bad:
        raise SystemExit(f"refusing NC-licensed GUM genres: {sorted(bad)}")
    ewt = {p: ud_dir / f"en_ewt-ud-{p}.conllu" for p in ("train", "dev", "test")}
    gum = [ud_dir / f"en_gum-ud-{p}.conllu" for p in ("train", "dev")]
    train = [s for s in read_conllu(ewt["train"])][:limit]
    gum_sents = [s for p in gum if p.exists() for s in read_conllu(p) if keep_gum(s, genres)]
    stats = {"ewt_train": write_docbin(train, corpus_dir / "ewt-train.spacy")}
    if gum_sents:
        stats["gum_ccby_train_dev"] = write_docbin(gum_sents[:limit], corpus_dir / "gum.spacy")
    stats["ewt_dev"] = write_docbin(list(read_conllu(ewt["dev"]))[:limit],
                                    corpus_dir / "dev" / "ewt-dev.spacy")
    stats["ewt_test"] = write_docbin(list(read_conllu(ewt["test"]))[:limit],
                                     corpus_dir / "ewt-test.spacy")
    gum_test = ud_dir / "en_gum-ud-test.conllu"
    if gum_test.exists():
        sents = [s for s in read_conllu(gum_test) if keep_gum(s, genres)][:limit]
        stats["gum_ccby_test"] = write_docbin(sents, corpus_dir / "gum-test.spacy")
    train_dir = corpus_dir / "train"
    train_dir.mkdir(exist_ok=True)
    for name in ("ewt-train.spacy", "gum.spacy"):
        if (corpus_dir / name).exists():
            shutil.move(str(corpus_dir / name), train_dir / name)
    return stats


# ----------------------------------------------------------------------------- config

CONFIG = """
[paths]
train = "{corpus}/train"
dev = "{corpus}/dev"
vectors = null
init_tok2vec = null

[system]
gpu_allocator = null
seed = {seed}

[nlp]
lang = "en"
pipeline = ["tok2vec","tagger","morphologizer","trainable_lemmatizer","parser"]
batch_size = 1000
tokenizer = {{"@tokenizers":"spacy.Tokenizer.v1"}}

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [{rows},{half},{half},{half}]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = {maxout}

[components.tagger]
factory = "tagger"

[components.tagger.model]
@architectures = "spacy.Tagger.v2"
nO = null

[components.tagger.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "*"

[components.morphologizer]
factory = "morphologizer"
extend = false
overwrite = true

[components.morphologizer.model]
@architectures = "spacy.Tagger.v2"
nO = null

[components.morphologizer.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "*"

[components.trainable_lemmatizer]
factory = "trainable_lemmatizer"
backoff = "orth"
min_tree_freq = {min_tree_freq}
overwrite = false
top_k = 1

[components.trainable_lemmatizer.model]
@architectures = "spacy.Tagger.v2"
nO = null

[components.trainable_lemmatizer.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "*"

[components.parser]
factory = "parser"
learn_tokens = false
min_action_freq = 30
moves = null
update_with_oracle_cut_size = 100

[components.parser.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "parser"
extra_state_tokens = false
hidden_width = {hidden}
maxout_pieces = {parser_maxout}
use_upper = true
nO = null

[components.parser.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "*"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = {dropout}
accumulate_gradient = 1
patience = {patience}
max_epochs = {max_epochs}
max_steps = {max_steps}
eval_frequency = {eval_frequency}
frozen_components = []
annotating_components = []
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v3"
progress_bar = null
console_output = true
output_file = "{log}"

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = {learn_rate}

[training.score_weights]
tag_acc = 0.15
pos_acc = 0.15
morph_acc = 0.0
morph_per_feat = null
lemma_acc = 0.1
dep_uas = 0.1
dep_las = 0.4
dep_las_per_type = null
sents_p = null
sents_r = null
sents_f = 0.1

[pretraining]

[initialize]
vectors = ${{paths.vectors}}
init_tok2vec = ${{paths.init_tok2vec}}
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


PIPE_NAMES = ("tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser")


def _sourced_components(model: Path) -> str:
    """Component blocks that continue training every component of ``model``."""
    blocks = [f'[components.{name}]\nsource = "{model.resolve().as_posix()}"\n'
              for name in PIPE_NAMES]
    return "[components]\n\n" + "\n".join(blocks) + "\n"


@spacy.registry.callbacks("gesta.restore_lemma_labels.v1")
def _restore_lemma_labels() -> Callable[[Language], Language]:
    """spaCy 3.8's edit-tree lemmatizer does not rebuild its tree -> label map when loaded
    from disk, so a resumed lemmatizer would learn every lemma as label 0."""
    def restore(nlp: Language) -> Language:
        lemmatizer = nlp.get_pipe("trainable_lemmatizer")
        for label, tree in enumerate(lemmatizer.cfg["labels"]):
            lemmatizer.tree2label[tree] = label
        return nlp
    return restore


def _decaying_learn_rate(rate: float, total_steps: int) -> str:
    # linear decay to zero: the last steps make small updates the averaged weights keep
    return (f"\n[training.optimizer.learn_rate]\n@schedules = \"warmup_linear.v1\"\n"
            f"warmup_steps = 100\ntotal_steps = {total_steps}\ninitial_rate = {rate}\n")


def write_config(args: argparse.Namespace, corpus_dir: Path, path: Path) -> Path:
    text = CONFIG.format(
        corpus=corpus_dir.as_posix(), seed=args.seed, width=args.width, depth=args.depth,
        rows=args.embed_rows, half=max(args.embed_rows // 2, 50), maxout=args.maxout,
        hidden=args.hidden_width, parser_maxout=args.parser_maxout, dropout=args.dropout,
        patience=args.patience, max_epochs=args.max_epochs, max_steps=args.max_steps,
        eval_frequency=args.eval_frequency, learn_rate=args.learn_rate,
        min_tree_freq=args.min_tree_freq, log=(path.parent / "train.jsonl").as_posix(),
    )
    if args.resume_from:
        head, rest = text.split("[components]\n", 1)
        text = head + _sourced_components(args.resume_from) + rest[rest.index("[corpora]"):]
        text = text.replace("after_init = null",
                            'after_init = {"@callbacks":"gesta.restore_lemma_labels.v1"}')
    if args.lr_decay:
        text = text.replace(f"learn_rate = {args.learn_rate}\n",
                            _decaying_learn_rate(args.learn_rate, args.max_steps))
    path.write_text(text.lstrip(), encoding="utf-8")
    return path


def train(config: Path, output: Path) -> float:
    """Run ``spacy train``; return wall time in seconds."""
    from spacy.cli.train import train as spacy_train

    log = config.parent / "train.jsonl"
    if log.exists():
        log.unlink()
    start = time.perf_counter()
    spacy_train(config, output, use_gpu=-1)
    return time.perf_counter() - start


# ----------------------------------------------------------------------------- evaluate


def _gold_words_doc(nlp: Language, gold: Doc, gold_sentences: bool) -> Doc:
    doc = Doc(nlp.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold])
    if gold_sentences:  # the parser keeps preset boundaries and adds none
        for token, gold_token in zip(doc, gold, strict=True):
            token.is_sent_start = bool(gold_token.is_sent_start)
    return doc


def _pipe_gold(nlp: Language, docs: list[Doc], gold_sentences: bool = False) -> list[Doc]:
    """Run all components but the tokenizer on docs built from gold words (and, when
    ``gold_sentences``, the gold sentence boundaries)."""
    return list(nlp.pipe((_gold_words_doc(nlp, d, gold_sentences) for d in docs), batch_size=256))


def _sent_bounds(doc: Doc) -> set[int]:
    return {sent.start for sent in doc.sents}


def score_docs(golds: list[Doc], preds: list[Doc]) -> dict[str, float]:
    """UD-style scores in percent; UAS/LAS count every token (punctuation too)."""
    n = upos = xpos = lemma = uas = las = las_univ = 0
    tp = fp = fn = 0
    for gold, pred in zip(golds, preds, strict=True):
        for g, p in zip(gold, pred, strict=True):
            n += 1
            upos += g.pos_ == p.pos_
            xpos += g.tag_ == p.tag_
            lemma += g.lemma_ == p.lemma_
            head_ok = g.head.i == p.head.i
            uas += head_ok
            las += head_ok and g.dep_.lower() == p.dep_.lower()
            las_univ += head_ok and g.dep_.split(":")[0].lower() == p.dep_.split(":")[0].lower()
        gb, pb = _sent_bounds(gold), _sent_bounds(pred)
        tp, fp, fn = tp + len(gb & pb), fp + len(pb - gb), fn + len(gb - pb)
    pct = lambda x: round(100.0 * x / max(n, 1), 2)  # noqa: E731
    f1 = 2 * tp / max(2 * tp + fp + fn, 1)
    return {"upos": pct(upos), "tag": pct(xpos), "lemma": pct(lemma), "uas": pct(uas),
            "las": pct(las), "las_universal": pct(las_univ),
            "sents_f": round(100 * f1, 2), "tokens": n}


def evaluate(model: Path | Language, docbin: Path) -> dict[str, float]:
    nlp = spacy.load(model) if isinstance(model, Path) else model
    golds = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
    start = time.perf_counter()
    preds = _pipe_gold(nlp, golds)
    scores = score_docs(golds, preds)
    elapsed = max(time.perf_counter() - start, 1e-9)
    scores["gold_tokens_words_per_s"] = round(scores["tokens"] / elapsed)
    # CoNLL 2018's gold-tokenization setting also gives the sentences; the figures above make
    # the parser find them (10 gold sentences per test doc)
    with_sentences = score_docs(golds, _pipe_gold(nlp, golds, gold_sentences=True))
    for key in ("uas", "las", "las_universal"):
        scores[f"{key}_gold_sentences"] = with_sentences[key]
    return scores


# ----------------------------------------------------------------------------- package

def add_news_tokenizer_rules(nlp: Language) -> list[str]:
    """Tokenizer special cases for news abbreviations (shared with gesta.nlp)."""
    from gesta.nlp.news import add_news_special_cases

    return add_news_special_cases(nlp)


LICENSE_NOTE = """\
en_gesta_parser - English spaCy pipeline shipped with gesta

Trained from scratch on Universal Dependencies treebanks:
  * UD English EWT (train; dev for early stopping), CC BY-SA 4.0,
    https://github.com/UniversalDependencies/UD_English-EWT
  * UD English GUM (Georgetown University Multilayer corpus, annotators listed at
    https://gucorpling.org/gum/), only documents of the genres
    {genres};
    https://github.com/UniversalDependencies/UD_English-GUM
    The GUM release as a whole is labelled CC BY-NC-SA 4.0; its LICENSE details state
    that the texts other than wikiHow and fiction are available under CC BY (or are in
    the public domain). The NC-licensed wikiHow ("whow") and fiction documents were
    excluded and never read.

The model weights are a derived work of this data and are distributed under the
Creative Commons Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0),
https://creativecommons.org/licenses/by-sa/4.0/ .
"""


def package(best: Path, dest: Path, gesta_meta: dict) -> Path:
    """Save a lean copy of ``best`` with news tokenizer rules, meta and licence."""
    nlp = spacy.load(best)
    gesta_meta["tokenizer_special_cases"] = add_news_tokenizer_rules(nlp)
    nlp.meta["name"] = "gesta_parser"
    nlp.meta["version"] = gesta_meta.get("version", "0.1.0")
    nlp.meta["license"] = "CC BY-SA 4.0"
    nlp.meta["description"] = "gesta English tagger, lemmatizer and dependency parser"
    nlp.meta["sources"] = gesta_meta["sources"]
    nlp.meta["gesta"] = gesta_meta
    if dest.exists():
        shutil.rmtree(dest)
    nlp.to_disk(dest)
    genres = ", ".join(gesta_meta["data"]["gum_genres"])
    (dest / "LICENSE").write_text(LICENSE_NOTE.format(genres=genres), encoding="utf-8")
    (dest / "README.md").write_text(_readme(gesta_meta), encoding="utf-8")
    (dest / "gesta_meta.json").write_text(json.dumps(gesta_meta, indent=2) + "\n",
                                          encoding="utf-8")
    return dest


def _readme(meta: dict) -> str:
    scores = meta.get("scores", {}).get("ewt_test", {})
    lines = ["# en_gesta_parser", "",
             "English tokenizer, Penn tagger, UPOS morphologizer, edit-tree lemmatizer and",
             "dependency parser for gesta, trained from scratch with spaCy "
             f"{spacy.__version__}.", "",
             "Trained on UD English EWT and the CC BY parts of UD English GUM "
             f"({', '.join(meta['data']['gum_genres'])}).",
             "Licence: CC BY-SA 4.0 (see LICENSE).", "",
             "EWT test, gold tokens: " + ", ".join(f"{k} {v}" for k, v in scores.items()),
             "", "Load with `gesta.nlp.load_parser()` (adds news sentence rules) or",
             "`spacy.load(path)`. Retrain with `tools/train_parser.py`; see docs/models.md."]
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--ud-dir", type=Path, default=DEFAULT_UD)
    p.add_argument("--out", type=Path, default=ROOT / "training-runs" / "parser")
    p.add_argument("--package-dir", type=Path, default=None,
                   help="where to write the lean model (default <out>/model)")
    p.add_argument("--gum-genres", default=",".join(CC_BY_GUM_GENRES))
    p.add_argument("--limit", type=int, default=None, help="sentences per part (smoke tests)")
    p.add_argument("--skip", default="", help="comma list of steps to skip: "
                   "convert,train,evaluate,bench,package")
    p.add_argument("--width", type=int, default=64)
    p.add_argument("--depth", type=int, default=3)
    p.add_argument("--embed-rows", type=int, default=2000)
    p.add_argument("--maxout", type=int, default=3)
    p.add_argument("--hidden-width", type=int, default=64)
    p.add_argument("--parser-maxout", type=int, default=2)
    p.add_argument("--min-tree-freq", type=int, default=3,
                   help="lemmatizer: edit trees seen fewer times are dropped (its cost grows "
                   "with the number of trees)")
    p.add_argument("--dropout", type=float, default=0.1)
    p.add_argument("--learn-rate", type=float, default=0.001)
    p.add_argument("--patience", type=int, default=3000)
    p.add_argument("--max-epochs", type=int, default=0)
    p.add_argument("--max-steps", type=int, default=20000)
    p.add_argument("--eval-frequency", type=int, default=500)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--resume-from", type=Path, default=None,
                   help="continue training every component of this spaCy model")
    p.add_argument("--lr-decay", action="store_true",
                   help="decay the learning rate linearly to zero at --max-steps")
    p.add_argument("--bench-corpus", type=Path, default=DEFAULT_BENCH)
    p.add_argument("--bench-limit", type=int, default=300, help="articles for speed test")
    p.add_argument("--version", default="0.1.0")
    return p.parse_args(argv)


def _setup_logging(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr),
                                       logging.FileHandler(out / "train_parser.log")]
    for handler in handlers:
        handler.setFormatter(fmt)
    logging.basicConfig(level=logging.INFO, handlers=handlers, force=True)


def _bench(model: Path, corpus: Path, limit: int) -> dict:
    """Run gesta.nlp.bench.bench_parse in a fresh one-thread process (clean peak RSS)."""
    import os
    import subprocess

    code = ("import json, sys; from pathlib import Path; from gesta.nlp.bench import bench_parse;"
            f"print(json.dumps(bench_parse(Path({str(corpus)!r}), {limit}, "
            f"model_path=Path({str(model)!r}))))")
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
               PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True,
                         capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def _sbd(model: Path) -> dict:
    """News sentence-boundary scores with the news rules (empty if no gold file)."""
    from gesta.nlp.model import load_parser
    from gesta.nlp.sbd import DEFAULT_SBD_PATH, HELDOUT_SBD_PATH, evaluate_sbd

    if not DEFAULT_SBD_PATH.exists():
        return {}
    result = evaluate_sbd(load_parser(model), DEFAULT_SBD_PATH)
    summary = {k: v for k, v in result.items() if k != "errors"}
    parser_only = evaluate_sbd(load_parser(model, news_rules=False), DEFAULT_SBD_PATH)
    summary["parser_only_f1"] = parser_only["f1"]
    summary["gold"] = DEFAULT_SBD_PATH.relative_to(ROOT).as_posix()
    if HELDOUT_SBD_PATH.exists():
        heldout = evaluate_sbd(load_parser(model), HELDOUT_SBD_PATH)
        summary["heldout"] = {k: v for k, v in heldout.items() if k != "errors"}
    return summary


def _gesta_meta(args: argparse.Namespace, genres: list[str], stats: dict) -> dict:
    return {
        "version": args.version,
        "licence": "CC BY-SA 4.0",
        "sources": [
            {"name": "UD English EWT", "license": "CC BY-SA 4.0",
             "url": "https://github.com/UniversalDependencies/UD_English-EWT"},
            {"name": "UD English GUM (CC BY genres only, no whow/fiction)",
             "license": "CC BY 4.0 parts of a CC BY-NC-SA 4.0 release",
             "url": "https://github.com/UniversalDependencies/UD_English-GUM"},
        ],
        "data": {"train": ["en_ewt-ud-train", "en_gum-ud-train (CC BY genres)",
                           "en_gum-ud-dev (CC BY genres)"],
                 "early_stopping": "en_ewt-ud-dev", "test": "en_ewt-ud-test",
                 "gum_genres": genres, "excluded": sorted(NC_GUM_GENRES), "counts": stats},
        "hyperparameters": {k: getattr(args, k) for k in (
            "width", "depth", "embed_rows", "maxout", "hidden_width", "parser_maxout",
            "dropout", "learn_rate", "max_steps", "max_epochs", "patience", "seed",
            "lr_decay", "min_tree_freq")} | {"resume_from": str(args.resume_from or "")},
        "spacy_version": spacy.__version__,
    }


def _prepare(args: argparse.Namespace, skip: set[str]) -> tuple[Path, dict]:
    """Convert the treebanks (unless skipped); return the corpus dir and its counts."""
    corpus = args.out / "corpus"
    stats_path = args.out / "corpus_stats.json"
    if "convert" not in skip:
        genres = frozenset(g.strip() for g in args.gum_genres.split(",") if g.strip())
        stats = convert(args.ud_dir, corpus, genres, args.limit)
        stats_path.write_text(json.dumps(stats, indent=2), encoding="utf-8")
    return corpus, json.loads(stats_path.read_text(encoding="utf-8"))


def _train_and_score(args: argparse.Namespace, skip: set[str], corpus: Path,
                     meta: dict) -> dict:
    """Train and evaluate unless skipped; results persist in ``<out>/results.json``."""
    result_path = args.out / "results.json"
    results = json.loads(result_path.read_text()) if result_path.exists() else {}
    if "train" not in skip:
        config = write_config(args, corpus.resolve(), args.out / "config.cfg")
        results["train_wall_time_s"] = round(train(config, args.out / "output"), 1)
        results["hyperparameters"] = meta["hyperparameters"]
        LOG.info("training took %.0f s", results["train_wall_time_s"])
    best = args.out / "output" / "model-best"
    if "train_wall_time_s" not in results and (args.out / "config.cfg").exists():
        # training was stopped by hand: wall time from the first config to the last best model
        elapsed = (best / "meta.json").stat().st_mtime - (args.out / "config.cfg").stat().st_mtime
        results["train_wall_time_s"] = round(elapsed, 1)
        results["train_wall_time_note"] = "stopped by hand; from file times"
    if "evaluate" not in skip:
        results["ewt_test"] = evaluate(best, corpus / "ewt-test.spacy")
        if (corpus / "gum-test.spacy").exists():
            results["gum_ccby_test"] = evaluate(best, corpus / "gum-test.spacy")
        LOG.info("scores: %s", json.dumps(results))
    result_path.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    _setup_logging(args.out)
    skip = set(filter(None, args.skip.split(",")))
    random.seed(args.seed)
    corpus, stats = _prepare(args, skip)
    genres = sorted(g.strip() for g in args.gum_genres.split(",") if g.strip())
    meta = _gesta_meta(args, genres, stats)
    results = _train_and_score(args, skip, corpus, meta)
    meta["hyperparameters"] = results.get("hyperparameters", meta["hyperparameters"])
    meta["scores"] = {k: v for k, v in results.items()
                      if isinstance(v, dict) and k != "hyperparameters"}
    meta["train_wall_time_s"] = results.get("train_wall_time_s")
    if "package" not in skip:
        best = args.out / "output" / "model-best"
        dest = package(best, args.package_dir or args.out / "model", meta)
        meta["sbd"] = _sbd(dest)
        if "bench" not in skip and args.bench_corpus.exists():
            meta["speed"] = _bench(dest, args.bench_corpus, args.bench_limit)
        package(best, dest, meta)
        LOG.info("packaged model in %s: sbd %s speed %s", dest, meta["sbd"], meta.get("speed"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
