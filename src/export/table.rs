//! Reading a CSV sheet as people save them: a header row naming the columns (in any order,
//! any case), commas or semicolons (European spreadsheets), UTF-8 with or without a BOM.
//! Unknown columns are refused with the nearest known name, so a typo never drops data; the
//! `'` the export adds against formula injection is removed again.

use super::cells::restore;

/// One problem, with where it is (row 1 is the header, so data starts at row 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The row in the file, counting the header as 1 (0: the sheet as a whole).
    pub row: usize,
    /// The column name, when the problem is in one cell.
    pub column: Option<String>,
    /// What is wrong and what to write instead.
    pub message: String,
}

impl RowError {
    /// A problem in `row` (and `column`, when given).
    pub fn new(row: usize, column: Option<&str>, message: impl Into<String>) -> Self {
        RowError {
            row,
            column: column.map(str::to_string),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.column, self.row) {
            (Some(c), row) => write!(f, "row {row}, column {c}: {}", self.message),
            (None, 0) => write!(f, "{}", self.message),
            (None, row) => write!(f, "row {row}: {}", self.message),
        }
    }
}

/// How a sheet's own names map to alignmap's: `--map owner=it_owner`, `--ignore budget`,
/// `--status 'Delivery=In progress'`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    /// Column renames, the sheet's name (lower case) first.
    pub columns: Vec<(String, String)>,
    /// Columns left out (lower case).
    pub ignore: Vec<String>,
    /// Status words of the sheet (lower case) and the status each means.
    pub statuses: Vec<(String, crate::domain::Status)>,
}

/// `FROM=TO` split and trimmed, FROM in lower case.
fn pair(text: &str, flag: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((from, to)) if !from.trim().is_empty() && !to.trim().is_empty() => {
            Ok((from.trim().to_lowercase(), to.trim().to_string()))
        }
        _ => Err(format!("'{text}' is not FROM=TO (e.g. {flag})")),
    }
}

impl Mapping {
    /// Parses a `--map FROM=TO` value.
    pub fn parse_map(text: &str) -> Result<(String, String), String> {
        pair(text, "--map owner=it_owner").map(|(from, to)| (from, to.to_lowercase()))
    }

    /// Parses a `--status FROM=TO` value (TO one of the statuses).
    pub fn parse_status(text: &str) -> Result<(String, crate::domain::Status), String> {
        let (from, to) = pair(text, "--status 'Delivery=In progress'")?;
        let status = status(&to).ok_or_else(|| {
            format!("'{to}' is not Proposed, Planned, In progress, Blocked, Done or Dropped")
        })?;
        Ok((from, status))
    }

    /// The status a sheet's word means, by this mapping.
    pub fn status(&self, text: &str) -> Option<crate::domain::Status> {
        let text = text.trim().to_lowercase();
        self.statuses
            .iter()
            .find(|(from, _)| *from == text)
            .map(|(_, s)| *s)
    }
}

/// A sheet read into memory: its columns and its data rows.
#[derive(Debug)]
pub struct Table {
    headers: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
    mapping: Mapping,
    /// Semicolons between cells: saved where a comma is the decimal point.
    decimal_comma: bool,
}

/// One data row: its number in the file and its cells.
pub struct Row<'t> {
    /// The row in the file (the header is row 1).
    pub number: usize,
    table: &'t Table,
    cells: &'t [String],
}

impl Row<'_> {
    /// The cell of `column` as written (formula mark removed), None when the sheet has no
    /// such column.
    pub fn cell(&self, column: &str) -> Option<&str> {
        let at = self.table.headers.iter().position(|h| h == column)?;
        Some(self.cells.get(at).map_or("", String::as_str))
    }

    /// The cell trimmed, None when the column is missing or the cell is empty.
    pub fn text(&self, column: &str) -> Option<&str> {
        self.cell(column).map(str::trim).filter(|t| !t.is_empty())
    }

    /// The number in `column`, None when blank. In a semicolon sheet a comma is the decimal
    /// point (`57,5`, `1.234,5`); elsewhere commas group thousands (`1,200`).
    pub fn number(&self, column: &str) -> Result<Option<f64>, RowError> {
        let Some(text) = self.text(column) else {
            return Ok(None);
        };
        self.table.number(text).map_err(|e| self.error(column, e))
    }

    /// `text` with this sheet's decimal comma rewritten as a point (see
    /// [`Table::plain_number`]).
    pub fn plain_number(&self, text: &str) -> String {
        self.table.plain_number(text)
    }

    /// A number written in this sheet's way (for a cell holding several, like readings).
    pub fn number_in(&self, text: &str) -> Result<Option<f64>, String> {
        self.table.number(text)
    }

    /// Writes each named cell into its field; a blank cell leaves an existing item's field
    /// as it is (a new item takes the cells as they are).
    pub fn fill(&self, existing: bool, fields: &mut [(&str, &mut String)]) {
        for (name, slot) in fields.iter_mut() {
            if let Some(v) = self
                .cell(name)
                .filter(|v| !existing || !v.trim().is_empty())
            {
                **slot = v.to_string();
            }
        }
    }

    /// A problem in this row's `column`.
    pub fn error(&self, column: &str, message: impl Into<String>) -> RowError {
        RowError::new(self.number, Some(column), message)
    }
}

impl Table {
    /// A number as this sheet writes numbers (see [`Row::number`]).
    pub fn number(&self, text: &str) -> Result<Option<f64>, String> {
        if self.decimal_comma && text.contains(',') {
            let text = text.replace('.', "").replace(',', ".");
            return crate::domain::parse::parse_number(&text);
        }
        crate::domain::parse::parse_number(text)
    }

    /// A number as this sheet writes numbers, rewritten with a decimal point (`57,5` in a
    /// semicolon sheet is `57.5`), for parsers that read numbers inside other text.
    pub fn plain_number(&self, text: &str) -> String {
        if self.decimal_comma && text.contains(',') {
            text.replace('.', "").replace(',', ".")
        } else {
            text.to_string()
        }
    }

    /// The mapping the sheet was read with.
    pub fn mapping(&self) -> &Mapping {
        &self.mapping
    }

    /// True when the sheet has this column.
    pub fn has(&self, column: &str) -> bool {
        self.headers.iter().any(|h| h == column)
    }

    /// The data rows, in file order.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|(number, cells)| Row {
            number: *number,
            table: self,
            cells,
        })
    }
}

/// The column name the user probably meant, when one is close.
fn nearest<'c>(name: &str, columns: &[&'c str]) -> Option<&'c str> {
    columns
        .iter()
        .map(|c| (strsim::damerau_levenshtein(name, c), *c))
        .filter(|(distance, c)| *distance <= 2.max(c.len() / 4))
        .min()
        .map(|(_, c)| c)
}

/// `,` unless the header row has more `;` than `,` (as spreadsheets save CSV in countries
/// that write a decimal comma).
fn delimiter(csv: &str) -> u8 {
    let header = csv.lines().next().unwrap_or("");
    let count = |c: char| header.chars().filter(|h| *h == c).count();
    if count(';') > count(',') { b';' } else { b',' }
}

/// Reads `csv`, whose columns must be among `columns`; each group in `required` needs at
/// least one of its columns (e.g. `["target", "horizon"]`). Every problem is returned.
pub fn read(csv: &str, columns: &[&str], required: &[&[&str]]) -> Result<Table, Vec<RowError>> {
    read_mapped(csv, columns, required, &Mapping::default())
}

/// [`read`], with the sheet's column names mapped and some columns left out first.
pub fn read_mapped(
    csv: &str,
    columns: &[&str],
    required: &[&[&str]],
    mapping: &Mapping,
) -> Result<Table, Vec<RowError>> {
    let csv = csv.strip_prefix('\u{feff}').unwrap_or(csv);
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(false)
        .delimiter(delimiter(csv))
        .from_reader(csv.as_bytes());
    // An ignored column gets a name no lookup asks for.
    const IGNORED: &str = "\u{0}ignored";
    let rename = |name: String| {
        if mapping.ignore.contains(&name) {
            return IGNORED.to_string();
        }
        match mapping.columns.iter().find(|(from, _)| *from == name) {
            Some((_, to)) => to.clone(),
            None => name,
        }
    };
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| rename(c.trim().to_lowercase())).collect(),
        Err(e) => {
            return Err(vec![RowError::new(
                1,
                None,
                format!("cannot read the header row: {e}"),
            )]);
        }
    };
    let mut errors = Vec::new();
    for (n, h) in headers.iter().enumerate() {
        if h != IGNORED && headers[..n].contains(h) {
            errors.push(RowError::new(
                1,
                Some(h),
                "this column is there twice: keep one",
            ));
        }
    }
    for h in &headers {
        if h != IGNORED && !columns.contains(&h.as_str()) {
            let hint =
                nearest(h, columns).map_or_else(String::new, |c| format!("did you mean {c}? "));
            errors.push(RowError::new(
                1,
                Some(h),
                format!(
                    "unknown column; {hint}the columns are {} (--map {h}=COLUMN renames it, --ignore {h} leaves it out)",
                    columns.join(", ")
                ),
            ));
        }
    }
    for group in required {
        if !group.iter().any(|c| headers.iter().any(|h| h == c)) {
            let what = match group {
                [one] => format!("a {one} column is required"),
                many => format!("a {} column is required", many.join(" or a ")),
            };
            errors.push(RowError::new(1, None, what));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    let mut last = 1;
    for record in reader.records() {
        match record {
            Ok(r) => {
                // The row is the line it starts on, as a spreadsheet numbers it.
                let number = r.position().map_or(last + 1, |p| line_of(csv, p.byte()));
                last = number;
                // A row of empty cells (",,,") is a blank line to a spreadsheet user.
                if r.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                rows.push((number, r.iter().map(|c| restore(c).to_string()).collect()));
            }
            Err(e) => {
                let number = e.position().map_or(last + 1, |p| line_of(csv, p.byte()));
                errors.push(RowError::new(
                    number,
                    None,
                    format!("not a valid CSV row: {e}"),
                ));
            }
        }
    }
    // Quotes come in pairs (a quote inside a quoted cell is written twice): an odd count,
    // with the last row holding a line break, means a quote opened and never closed, which
    // swallowed every row after it into one cell.
    let swallowed = rows
        .last()
        .filter(|(_, cells)| cells.iter().any(|c: &String| c.contains('\n')));
    if csv.matches('"').count() % 2 == 1
        && let Some((number, _)) = swallowed
    {
        errors.push(RowError::new(
            *number,
            None,
            "a quote (\") opens a cell in this row and is never closed, so the rows after it would be read as text inside it: close the quote",
        ));
    }
    if errors.is_empty() {
        Ok(Table {
            headers,
            rows,
            mapping: mapping.clone(),
            decimal_comma: delimiter(csv) == b';',
        })
    } else {
        Err(errors)
    }
}

/// The line (from 1) that byte `at` of `text` is on.
fn line_of(text: &str, at: u64) -> usize {
    let bytes = text.as_bytes();
    let mut at = usize::try_from(at).unwrap_or(usize::MAX).min(bytes.len());
    // A record's position can be the blank lines the reader skipped before it.
    while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
        at += 1;
    }
    bytes[..at].iter().filter(|b| **b == b'\n').count() + 1
}

/// Why bytes that are not UTF-8 cannot be read, and how to convert them.
pub fn not_utf8(bytes: &[u8]) -> String {
    // Bytes 0x80-0x9f and lone high bytes are how Windows-1252 (Excel's "CSV" on Windows)
    // writes €, curly quotes and accented letters.
    let high = bytes.iter().filter(|b| **b >= 0x80).count();
    let looks = if high > 0 {
        " (it looks like Windows-1252, which Excel writes as \"CSV\" on Windows)"
    } else {
        ""
    };
    format!(
        "it is not UTF-8 text{looks}: save it as \"CSV UTF-8\", or convert it with `iconv -f WINDOWS-1252 -t UTF-8 in.csv > out.csv`"
    )
}

/// The CSV text of `rows` under `columns` (CRLF line ends; risky cells marked with `'`).
pub fn write(
    columns: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<String, super::WriteError> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(columns)?;
    for row in rows {
        let row: Vec<String> = row.iter().map(|c| super::cells::neutralise(c)).collect();
        writer.write_record(&row)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ::csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8(bytes)?)
}

/// The status a word names (`In progress`, `in-progress`, `inprogress`).
pub(super) fn status(text: &str) -> Option<crate::domain::Status> {
    let t = text
        .trim()
        .to_ascii_lowercase()
        .replace([' ', '-', '_'], "");
    crate::domain::Status::ALL
        .into_iter()
        .find(|s| s.label().to_ascii_lowercase().replace(' ', "") == t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_numbered_by_line_blank_ones_skipped_and_a_lone_quote_refused() {
        let table = read(
            "title,target\n\nA,2027-01-01\n,\nB,2027-02-01\n",
            &["title", "target"],
            &[],
        )
        .unwrap();
        let numbers: Vec<usize> = table.rows().map(|r| r.number).collect();
        assert_eq!(numbers, [3, 5]);
        let err = read("title,summary\nA,\"open\nB,x\n", &["title", "summary"], &[]).unwrap_err();
        assert!(err[0].message.contains("never closed"), "{}", err[0]);
        assert_eq!(err[0].row, 2);
        let inch = read("title\nMonitor 27\" upgrade\n", &["title"], &[]).unwrap();
        assert_eq!(
            inch.rows().next().unwrap().cell("title"),
            Some("Monitor 27\" upgrade")
        );
        let twice = read("title,title\nA,B\n", &["title"], &[]).unwrap_err();
        assert_eq!(
            twice[0].to_string(),
            "row 1, column title: this column is there twice: keep one"
        );
    }

    #[test]
    fn a_near_miss_column_names_the_one_meant() {
        let err = read(
            "title,it_ownr\nA,Sam\n",
            &["title", "it_owner"],
            &[&["title"]],
        )
        .unwrap_err();
        assert_eq!(err.len(), 1);
        assert!(
            err[0].message.contains("did you mean it_owner?"),
            "{}",
            err[0]
        );
    }

    #[test]
    fn columns_are_renamed_or_left_out_as_asked() {
        let mapping = Mapping {
            columns: vec![Mapping::parse_map("Owner = IT_Owner").unwrap()],
            ignore: vec!["budget".into()],
            statuses: vec![Mapping::parse_status("Delivery=in progress").unwrap()],
        };
        let table = read_mapped(
            "Title,Owner,Budget\nA,Sam,12\n",
            &["title", "it_owner"],
            &[&["title"]],
            &mapping,
        )
        .unwrap();
        let row = table.rows().next().unwrap();
        assert_eq!(row.cell("it_owner"), Some("Sam"));
        assert_eq!(row.cell("budget"), None);
        assert_eq!(
            table.mapping().status(" DELIVERY "),
            Some(crate::domain::Status::InProgress)
        );
        assert!(Mapping::parse_map("owner").is_err());
        assert!(Mapping::parse_status("x=Nearly done").is_err());
    }

    #[test]
    fn semicolons_and_a_bom_are_read_as_spreadsheets_save_them() {
        let table = read(
            "\u{feff}Title;Target\nA, the first;2027-01-01\n",
            &["title", "target"],
            &[&["title"]],
        )
        .unwrap();
        let row = table.rows().next().unwrap();
        assert_eq!(row.cell("title"), Some("A, the first"));
        let numbers = read(
            "title;cost\nA;57,5\nB;1.234,5\nC;1.5\n",
            &["title", "cost"],
            &[],
        )
        .unwrap();
        let costs: Vec<_> = numbers.rows().map(|r| r.number("cost").unwrap()).collect();
        assert_eq!(costs, [Some(57.5), Some(1234.5), Some(1.5)]);
        assert_eq!(row.text("target"), Some("2027-01-01"));
    }

    #[test]
    fn a_missing_required_column_is_named() {
        let err = read(
            "title\nA\n",
            &["title", "target", "horizon"],
            &[&["target", "horizon"]],
        )
        .unwrap_err();
        assert_eq!(
            err[0].to_string(),
            "row 1: a target or a horizon column is required"
        );
    }
}
