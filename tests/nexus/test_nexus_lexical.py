"""BM25 over an inverted index: ranking behaviour on small hand-made collections."""

from __future__ import annotations

import numpy as np

from servers.nexus.lexical import BM25Index, tokenize


def test_tokens_are_stemmed_and_stopwords_dropped() -> None:
    assert tokenize("Encrypting the reports for my team") == ["encrypt", "report", "team"]


def test_a_document_sharing_a_rare_term_outranks_one_sharing_a_common_term() -> None:
    docs = ["rotate encryption keys", "rotate the satellite antenna", "rotate log files", "restart pods"]
    scores = BM25Index(docs).scores("encryption rotation")
    assert int(np.argmax(scores)) == 0
    assert scores[3] == 0.0


def test_shorter_documents_win_on_equal_term_frequency() -> None:
    docs = ["redact emails", "redact emails and also many other unrelated words in a long description"]
    scores = BM25Index(docs).scores("redacting email")
    assert scores[0] > scores[1] > 0


def test_no_shared_terms_scores_zero_everywhere() -> None:
    assert not BM25Index(["alpha beta", "gamma"]).scores("delta").any()
    assert BM25Index([]).scores("anything").shape == (0,)


def test_matching_terms_name_the_query_words_found() -> None:
    index = BM25Index(["tune memory limits of pods"])
    assert index.matching_terms("my pods keep running out of memory", "tune memory limits of pods") == [
        "pods",
        "memory",
    ]
