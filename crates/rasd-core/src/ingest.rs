//! Reading reports from files, directories and standard input.
//!
//! Inputs are `.txt` files (one report each, id = file stem), directories
//! (every `.txt`, `.jsonl` and `.jsonl.gz` below them, in path order), JSONL
//! files in the corpus line format (`id, outlet, url, published, title,
//! text`), plain or gzip (recognised by its magic bytes, whatever the name),
//! and `-` for JSONL on standard input.
//!
//! Nothing bad is fatal and nothing vanishes: a line that is not JSON, not
//! UTF-8, has no text or is over [`IngestOptions::max_doc_bytes`] becomes a
//! [`Reject`] with its `file:line`; a truncated gzip stream ends its file with
//! a reject after the last good line; everything good is still read.
//!
//! Reading runs on its own thread and hands out batches of raw lines, so the
//! caller can parse and analyse them in parallel while the next batch is read.

use std::collections::HashMap;
use std::fmt;
use std::fs::File;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;
use std::thread::JoinHandle;

use flate2::read::MultiGzDecoder;
use serde::Deserialize;

use crate::report::Report;

/// The default limit on one document (a JSONL line or a `.txt` file): 8 MiB,
/// some 500 times the longest article of the shared corpora.
pub const DEFAULT_MAX_DOC_BYTES: usize = 8 << 20;

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Documents larger than this many bytes are rejected.
    pub max_doc_bytes: usize,
    /// Raw documents per batch handed to the caller.
    pub batch_size: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            batch_size: 512,
        }
    }
}

/// Where a document came from: a file and, for JSONL, a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: Arc<str>,
    pub line: Option<u64>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.file, line),
            None => write!(f, "{}", self.file),
        }
    }
}

/// Why an input was not read as a report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RejectReason {
    #[error("invalid UTF-8 at byte {0}")]
    InvalidUtf8(usize),
    #[error("invalid JSON: {0}")]
    InvalidJson(String),
    #[error("no \"text\" field")]
    NoText,
    #[error("empty text")]
    EmptyText,
    #[error("document of {size} bytes is over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: usize },
    #[error("truncated or corrupt gzip stream after the last good line: {0}")]
    Corrupt(String),
    #[error("cannot read: {0}")]
    Io(String),
}

/// An input that could not be read as a report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {reason}")]
pub struct Reject {
    pub location: Location,
    pub reason: RejectReason,
}

/// A document as read, before parsing.
#[derive(Debug)]
pub struct RawDoc {
    pub location: Location,
    payload: Payload,
}

#[derive(Debug)]
enum Payload {
    JsonLine(Vec<u8>),
    Text { id: String, bytes: Vec<u8> },
    Rejected(RejectReason),
}

#[derive(Deserialize)]
struct CorpusLine {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    text: Option<String>,
}

impl RawDoc {
    /// A JSONL line as read from `location` (for callers with their own
    /// readers, and for fuzzing the line parser).
    pub fn json_line(location: Location, bytes: Vec<u8>) -> RawDoc {
        RawDoc {
            location,
            payload: Payload::JsonLine(bytes),
        }
    }

    /// Parses the document into a report. Safe to call from many threads.
    pub fn parse(self) -> Result<Report, Reject> {
        let reject = |reason| Reject {
            location: self.location.clone(),
            reason,
        };
        match self.payload {
            Payload::Rejected(reason) => Err(reject(reason)),
            Payload::Text { id, bytes } => {
                let text = String::from_utf8(bytes)
                    .map_err(|e| reject(RejectReason::InvalidUtf8(e.utf8_error().valid_up_to())))?;
                let text = text
                    .strip_prefix('\u{FEFF}')
                    .map(str::to_string)
                    .unwrap_or(text);
                if text.trim().is_empty() {
                    return Err(reject(RejectReason::EmptyText));
                }
                Ok(Report {
                    id,
                    text,
                    ..Report::default()
                })
            }
            Payload::JsonLine(bytes) => {
                if let Err(e) = std::str::from_utf8(&bytes) {
                    return Err(reject(RejectReason::InvalidUtf8(e.valid_up_to())));
                }
                let line: CorpusLine = serde_json::from_slice(&bytes)
                    .map_err(|e| reject(RejectReason::InvalidJson(e.to_string())))?;
                let text = line.text.ok_or_else(|| reject(RejectReason::NoText))?;
                if text.trim().is_empty() {
                    return Err(reject(RejectReason::EmptyText));
                }
                let id = match line.id {
                    Some(serde_json::Value::String(s)) if !s.is_empty() => s,
                    Some(serde_json::Value::Number(n)) => n.to_string(),
                    _ => format!("{}", self.location),
                };
                Ok(Report {
                    id,
                    outlet: line.outlet,
                    url: line.url,
                    published: line.published,
                    title: line.title,
                    text,
                })
            }
        }
    }
}

/// Batches of raw documents read on a background thread.
pub struct Batches {
    receiver: Receiver<Vec<RawDoc>>,
    bytes_read: Arc<AtomicU64>,
    total_bytes: u64,
    reader: Option<JoinHandle<()>>,
}

impl Batches {
    /// Starts reading `inputs` (paths, or `-` for standard input).
    pub fn spawn(inputs: Vec<PathBuf>, options: IngestOptions) -> Batches {
        let total_bytes = inputs.iter().map(|p| input_size(p)).sum();
        let bytes_read = Arc::new(AtomicU64::new(0));
        let (sender, receiver) = sync_channel(4);
        let counter = bytes_read.clone();
        let reader = std::thread::spawn(move || {
            let mut batch = Vec::with_capacity(options.batch_size);
            let mut emit = |doc: RawDoc| {
                batch.push(doc);
                if batch.len() >= options.batch_size {
                    let full =
                        std::mem::replace(&mut batch, Vec::with_capacity(options.batch_size));
                    return sender.send(full).is_ok();
                }
                true
            };
            for input in &inputs {
                if !read_input(input, &options, &counter, &mut emit) {
                    return;
                }
            }
            if !batch.is_empty() {
                let _ = sender.send(batch);
            }
        });
        Batches {
            receiver,
            bytes_read,
            total_bytes,
            reader: Some(reader),
        }
    }

    /// Bytes of input read so far (compressed bytes for gzip files).
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read.load(Ordering::Relaxed)
    }

    /// Total size of the input files (0 for standard input).
    pub fn total_bytes(&self) -> u64 {
        self.total_bytes
    }
}

impl Iterator for Batches {
    type Item = Vec<RawDoc>;

    fn next(&mut self) -> Option<Vec<RawDoc>> {
        match self.receiver.recv() {
            Ok(batch) => Some(batch),
            Err(_) => {
                if let Some(handle) = self.reader.take() {
                    let _ = handle.join();
                }
                None
            }
        }
    }
}

/// Reads every input into reports and rejects, in input order: for small
/// inputs (gold files, tests).
pub fn read_all(inputs: &[PathBuf], options: &IngestOptions) -> (Vec<Report>, Vec<Reject>) {
    let mut reports = Vec::new();
    let mut rejects = Vec::new();
    let counter = AtomicU64::new(0);
    for input in inputs {
        read_input(input, options, &counter, &mut |doc| {
            match doc.parse() {
                Ok(r) => reports.push(r),
                Err(e) => rejects.push(e),
            }
            true
        });
    }
    (reports, rejects)
}

fn input_size(path: &Path) -> u64 {
    if path.as_os_str() == "-" {
        return 0;
    }
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => collect_dir(path)
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum(),
        Ok(m) => m.len(),
        Err(_) => 0,
    }
}

fn collect_dir(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if is_input_file(&p) {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

fn is_input_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".txt") || name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")
}

/// Reads one input; returns false when the consumer has gone.
fn read_input(
    path: &Path,
    options: &IngestOptions,
    counter: &AtomicU64,
    emit: &mut dyn FnMut(RawDoc) -> bool,
) -> bool {
    let name: Arc<str> = Arc::from(path.display().to_string());
    let file_reject = |reason| RawDoc {
        location: Location {
            file: name.clone(),
            line: None,
        },
        payload: Payload::Rejected(reason),
    };
    if path.as_os_str() == "-" {
        let stdin = io::stdin().lock();
        return read_jsonl(Arc::from("<stdin>"), stdin, options, counter, emit);
    }
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return emit(file_reject(RejectReason::Io(e.to_string()))),
    };
    if meta.is_dir() {
        for file in collect_dir(path) {
            if !read_input(&file, options, counter, emit) {
                return false;
            }
        }
        return true;
    }
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if file_name.ends_with(".txt") {
        if meta.len() > options.max_doc_bytes as u64 {
            counter.fetch_add(meta.len(), Ordering::Relaxed);
            return emit(file_reject(RejectReason::TooLarge {
                size: meta.len(),
                limit: options.max_doc_bytes,
            }));
        }
        let doc = match std::fs::read(path) {
            Ok(bytes) => {
                counter.fetch_add(bytes.len() as u64, Ordering::Relaxed);
                let id = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("report")
                    .to_string();
                RawDoc {
                    location: Location {
                        file: name,
                        line: None,
                    },
                    payload: Payload::Text { id, bytes },
                }
            }
            Err(e) => file_reject(RejectReason::Io(e.to_string())),
        };
        return emit(doc);
    }
    match File::open(path) {
        Ok(f) => read_jsonl(
            name,
            CountingReader { inner: f, counter },
            options,
            counter,
            emit,
        ),
        Err(e) => emit(file_reject(RejectReason::Io(e.to_string()))),
    }
}

struct CountingReader<'a, R> {
    inner: R,
    counter: &'a AtomicU64,
}

impl<R: Read> Read for CountingReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

fn read_jsonl<R: Read>(
    name: Arc<str>,
    reader: R,
    options: &IngestOptions,
    _counter: &AtomicU64,
    emit: &mut dyn FnMut(RawDoc) -> bool,
) -> bool {
    let mut buffered = BufReader::with_capacity(1 << 16, reader);
    let is_gzip = match buffered.fill_buf() {
        Ok(head) => head.starts_with(&[0x1f, 0x8b]),
        Err(e) => {
            return emit(RawDoc {
                location: Location {
                    file: name,
                    line: None,
                },
                payload: Payload::Rejected(RejectReason::Io(e.to_string())),
            })
        }
    };
    if is_gzip {
        let lines = BufReader::with_capacity(1 << 16, MultiGzDecoder::new(buffered));
        read_lines(name, lines, options, true, emit)
    } else {
        read_lines(name, buffered, options, false, emit)
    }
}

fn read_lines<R: BufRead>(
    name: Arc<str>,
    mut reader: R,
    options: &IngestOptions,
    gzip: bool,
    emit: &mut dyn FnMut(RawDoc) -> bool,
) -> bool {
    let mut line_no = 0u64;
    loop {
        let mut buf = Vec::new();
        let outcome = read_line_limited(&mut reader, &mut buf, options.max_doc_bytes);
        let location = Location {
            file: name.clone(),
            line: Some(line_no + 1),
        };
        match outcome {
            Ok(None) => return true,
            Ok(Some(size)) => {
                line_no += 1;
                if size > options.max_doc_bytes as u64 {
                    if !emit(RawDoc {
                        location,
                        payload: Payload::Rejected(RejectReason::TooLarge {
                            size,
                            limit: options.max_doc_bytes,
                        }),
                    }) {
                        return false;
                    }
                    continue;
                }
                if buf.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                if !emit(RawDoc {
                    location,
                    payload: Payload::JsonLine(buf),
                }) {
                    return false;
                }
            }
            Err(e) => {
                let reason = if gzip {
                    RejectReason::Corrupt(e.to_string())
                } else {
                    RejectReason::Io(e.to_string())
                };
                return emit(RawDoc {
                    location,
                    payload: Payload::Rejected(reason),
                });
            }
        }
    }
}

/// Reads one line into `buf` (without its `\n`), keeping at most `limit`
/// bytes and discarding the rest. Returns the full length of the line, or
/// `None` at the end of input.
fn read_line_limited<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<u64>> {
    let mut size = 0u64;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(any.then_some(size));
        }
        any = true;
        let (chunk, found_newline) = match memchr_newline(available) {
            Some(i) => (&available[..i], true),
            None => (available, false),
        };
        size += chunk.len() as u64;
        if buf.len() < limit {
            let room = limit + 1 - buf.len();
            buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        }
        let consumed = chunk.len() + usize::from(found_newline);
        reader.consume(consumed);
        if found_newline {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(Some(size));
        }
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

/// Finds reports whose text is exactly the text of an earlier one.
#[derive(Default)]
pub struct DuplicateIndex {
    first_id_by_hash: HashMap<u64, (usize, String)>,
}

impl DuplicateIndex {
    /// Records `report`; returns the id of the first report with the same
    /// text, if any.
    pub fn check(&mut self, report: &Report) -> Option<String> {
        let mut h = DefaultHasher::new();
        report.text.hash(&mut h);
        let key = h.finish();
        match self.first_id_by_hash.get(&key) {
            Some((len, id)) if *len == report.text.len() => Some(id.clone()),
            Some(_) => None,
            None => {
                self.first_id_by_hash
                    .insert(key, (report.text.len(), report.id.clone()));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_and_measured() {
        let data = b"abcdef\nxy\n".to_vec();
        let mut r = &data[..];
        let mut buf = Vec::new();
        assert_eq!(read_line_limited(&mut r, &mut buf, 3).unwrap(), Some(6));
        assert!(buf.len() <= 4);
        buf.clear();
        assert_eq!(read_line_limited(&mut r, &mut buf, 3).unwrap(), Some(2));
        assert_eq!(buf, b"xy");
        buf.clear();
        assert_eq!(read_line_limited(&mut r, &mut buf, 3).unwrap(), None);
    }

    #[test]
    fn json_line_without_text_is_rejected_with_its_line() {
        let doc = RawDoc {
            location: Location {
                file: Arc::from("in.jsonl"),
                line: Some(7),
            },
            payload: Payload::JsonLine(br#"{"id": "x", "title": "t"}"#.to_vec()),
        };
        let err = doc.parse().unwrap_err();
        assert_eq!(err.to_string(), "in.jsonl:7: no \"text\" field");
    }
}
