//! The index's byte encoding: LEB128 variable-length integers and length-prefixed UTF-8, written by the
//! indexer and read back with every length checked, so damaged bytes are an error and never a panic.

/// Appends to an index being written.
#[derive(Default)]
pub(crate) struct Writer {
    pub(crate) bytes: Vec<u8>,
}

impl Writer {
    /// An unsigned integer in LEB128: 7 bits a byte, low bits first.
    pub(crate) fn uint(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.bytes.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.bytes.push(n as u8);
    }

    /// Raw bytes, preceded by their length.
    pub(crate) fn blob(&mut self, b: &[u8]) {
        self.uint(b.len() as u64);
        self.bytes.extend_from_slice(b);
    }
}

/// Reads an index, refusing anything out of bounds or malformed.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

/// Why bytes are not an index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError(pub(crate) &'static str);

impl LoadError {
    /// What is wrong with the bytes.
    pub fn reason(&self) -> &'static str {
        self.0
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not a search index: {}", self.0)
    }
}

impl std::error::Error for LoadError {}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    /// True when every byte has been read.
    pub(crate) fn done(&self) -> bool {
        self.at == self.bytes.len()
    }

    /// The next `n` bytes.
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], LoadError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(LoadError("truncated"))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    /// A LEB128 integer of at most 64 bits.
    pub(crate) fn uint(&mut self) -> Result<u64, LoadError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(LoadError("integer too long"))
    }

    /// A count or length, which can never exceed the bytes left (each counted item takes a byte at least).
    pub(crate) fn len(&mut self) -> Result<usize, LoadError> {
        let n = self.uint()?;
        if n > (self.bytes.len() - self.at) as u64 {
            return Err(LoadError("length past the end"));
        }
        Ok(n as usize)
    }

    /// Length-prefixed bytes.
    pub(crate) fn blob(&mut self) -> Result<&'a [u8], LoadError> {
        let n = self.len()?;
        self.take(n)
    }

    /// Length-prefixed UTF-8.
    pub(crate) fn text(&mut self) -> Result<&'a str, LoadError> {
        std::str::from_utf8(self.blob()?).map_err(|_| LoadError("text is not UTF-8"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_and_texts_round_trip() {
        let mut w = Writer::default();
        for n in [0, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            w.uint(n);
        }
        w.blob("México".as_bytes());
        let mut r = Reader::new(&w.bytes);
        for n in [0, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            assert_eq!(r.uint().unwrap(), n);
        }
        assert_eq!(r.text().unwrap(), "México");
        assert!(r.done());
    }

    #[test]
    fn damaged_bytes_are_errors() {
        assert_eq!(Reader::new(&[]).uint(), Err(LoadError("truncated")));
        assert_eq!(
            Reader::new(&[0xff; 11]).uint(),
            Err(LoadError("integer too long"))
        );
        assert_eq!(
            Reader::new(&[5, b'a']).text(),
            Err(LoadError("length past the end"))
        );
        assert_eq!(
            Reader::new(&[1, 0xff]).text(),
            Err(LoadError("text is not UTF-8"))
        );
    }
}
