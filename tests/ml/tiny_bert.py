"""A tiny BERT sentence-transformers model with random weights, written to a directory (needs torch)."""

from __future__ import annotations

from pathlib import Path

WORDS = ("troops", "attacked", "rebels", "the", "minister", "resigned", "police", "arrested", "protesters",
         "rain", "fell", "talks", "began", "in", "city", "on", "friday", "government", "a", "and")
DIM = 16
LAYERS = 3


def write_tiny_bert(directory: Path, seed: int = 0) -> Path:
    """A 3-layer, 16-dimensional BERT with mean pooling and normalisation; returns its directory."""
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers import BertConfig, BertModel, BertTokenizer

    try:  # sentence-transformers >= 6
        from sentence_transformers.sentence_transformer import modules
    except ImportError:  # older releases
        from sentence_transformers import models as modules

    raw = directory / "raw"
    raw.mkdir(parents=True)
    # a vocab dict, not a vocab file: transformers 5 reads a file-built fast tokenizer as all [UNK]
    vocab = {word: i for i, word in enumerate(("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS))}
    BertTokenizer(vocab=vocab, do_lower_case=True).save_pretrained(str(raw))
    torch.manual_seed(seed)
    config = BertConfig(vocab_size=5 + len(WORDS), hidden_size=DIM, num_hidden_layers=LAYERS, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=64)
    BertModel(config).save_pretrained(str(raw))
    model = SentenceTransformer(modules=[modules.Transformer(str(raw)), modules.Pooling(DIM, "mean"), modules.Normalize()],
                                device="cpu")
    out = directory / "tiny-bert"
    model.save(str(out))
    return out
