// Hand-checked expectations for the note fixtures in test/fixtures/notes (see its README.md).
// The fixtures imitate the layout of notes by other authors; every line number below was read
// off the file with `cat -n` (1-based). Expectations say what the author meant, not what any
// parser currently does.
//
// A gold pair matches an extracted fact when the file is equal, the fact's line span includes
// `line` (±1), the term is equal ignoring case, the fact text CONTAINS `fact` ignoring case, and
// the attribute is equal ignoring case when one is given here.
//
// `shape` starts with the letters of the structures it covers (brief items a–h), then says how:
//   a  term bullet whose child bullets describe that term
//   b  "<term sentence>. key=value" line
//   c  generic label heading / label bullet (Use Cases, How it works, ...) -> attribute of the enclosing term
//   d  bold tagline right under a heading -> the heading's definition
//   e  label line listing names (**Examples**: a, b, c) -> one list fact with that attribute
//   f  page furniture around a fact: tip/warning/hint boxes and callouts whose text is a fact of the section
//   g  flashcard exports (Anki with/without header, Quizlet, CSV; question-front and yes/no cards)
//   h  title heading spanning the file, alias in parentheses, same topic under two names

export const FIXTURE_DIR = new URL('../fixtures/notes/', import.meta.url);

export interface FixtureGold {
  file: string;
  line: number;
  term: string;
  fact: string;
  attribute?: string;
  author: string;
  format: 'markdown' | 'anki' | 'quizlet' | 'csv' | 'outline';
  subject: string;
  shape: string;
}

export interface FixtureNegative {
  file: string;
  line: number;
  why: string;
}

type FixtureFile =
  | 'obsidian-cell-biology.md'
  | 'vuepress-networking.md'
  | 'gitbook-pharmacology.md'
  | 'docusaurus-aws-analytics.md'
  | 'anki-linux-lvm.txt'
  | 'anki-noheader-cell-biology.txt'
  | 'quizlet-pharmacology.txt'
  | 'csv-world-history.csv'
  | 'outline-organic-chemistry.txt';

export const FIXTURE_FILES: Record<FixtureFile, Pick<FixtureGold, 'author' | 'format' | 'subject'>> = {
  'obsidian-cell-biology.md': { author: 'obsidian-vault-student', format: 'markdown', subject: 'cell biology' },
  'vuepress-networking.md': { author: 'vuepress-site-author', format: 'markdown', subject: 'computer networking' },
  'gitbook-pharmacology.md': { author: 'gitbook-page-copier', format: 'markdown', subject: 'pharmacology' },
  'docusaurus-aws-analytics.md': { author: 'docusaurus-cert-notes', format: 'markdown', subject: 'AWS analytics' },
  'anki-linux-lvm.txt': { author: 'anki-sysadmin', format: 'anki', subject: 'Linux LVM' },
  'anki-noheader-cell-biology.txt': { author: 'anki-handmade-bio', format: 'anki', subject: 'cell biology' },
  'quizlet-pharmacology.txt': { author: 'quizlet-pharm-student', format: 'quizlet', subject: 'pharmacology' },
  'csv-world-history.csv': { author: 'spreadsheet-history-teacher', format: 'csv', subject: 'world history' },
  'outline-organic-chemistry.txt': { author: 'outliner-chem-student', format: 'outline', subject: 'organic chemistry' },
};

function g(file: FixtureFile, line: number, term: string, fact: string, shape: string, attribute?: string): FixtureGold {
  return { file, line, term, fact, ...(attribute ? { attribute } : {}), ...FIXTURE_FILES[file], shape };
}

const OBS: FixtureFile = 'obsidian-cell-biology.md';
const VUE: FixtureFile = 'vuepress-networking.md';
const GIT: FixtureFile = 'gitbook-pharmacology.md';
const DOC: FixtureFile = 'docusaurus-aws-analytics.md';
const LVM: FixtureFile = 'anki-linux-lvm.txt';
const BIO: FixtureFile = 'anki-noheader-cell-biology.txt';
const QZ: FixtureFile = 'quizlet-pharmacology.txt';
const CSV: FixtureFile = 'csv-world-history.csv';
const OUT: FixtureFile = 'outline-organic-chemistry.txt';

export const FIXTURE_GOLD: FixtureGold[] = [
  // ---- obsidian-cell-biology.md: Obsidian vault page, title H1 over ## sections, callouts
  g(OBS, 17, 'Cell theory', 'Every living thing is built from one or more cells', 'd,h: bold tagline under the first ## section; the H1 above is the title of the whole file, not the term'),
  g(OBS, 19, 'Cell theory', 'Virchow, 1855', 'h: plain bullet of a ## section under a file-title H1'),
  g(OBS, 24, 'Prokaryotic cell', 'single circular chromosome sits in the nucleoid', 'a: child of "- Prokaryotic cell (bacteria and archaea)"; the parenthesis lists examples, not part of the name'),
  g(OBS, 26, 'Prokaryotic cell', '1–10 µm', 'a: child bullet belongs to the term bullet, not to "Prokaryotes vs eukaryotes"'),
  g(OBS, 30, 'Eukaryotic cell', 'cytosolic ribosomes are 80S', 'a: child of the second term bullet of the section'),
  g(OBS, 34, 'Prokaryotes vs eukaryotes', 'what they lack is membrane-bound organelles', 'f: text of a bare "> [!warning]" callout is a fact of the section'),
  g(OBS, 37, 'Plasma membrane', 'phospholipid bilayer with proteins floating in it', 'd: bold tagline under ## heading'),
  g(OBS, 41, 'Plasma membrane', 'selectively permeable', 'c: bullet under "### Purpose" label heading', 'Purpose'),
  g(OBS, 46, 'Plasma membrane', 'cholesterol wedged between phospholipids', 'c: bullet under "### How it works" label heading', 'How it works'),
  g(OBS, 50, 'Nucleus', "Control centre that stores the cell's DNA", 'd: bold tagline under ## heading'),
  g(OBS, 52, 'Nucleus', 'nuclear pores let mRNA out', 'plain bullet of a term heading'),
  g(OBS, 53, 'Nucleolus', 'rRNA is made and ribosome subunits are assembled', '"Term: definition" bullet inside a heading section names its own term'),
  g(OBS, 56, 'Nucleus', 'continuous with the rough ER', 'c: bullet under "### Key Concepts" label heading', 'Key Concepts'),
  g(OBS, 58, 'Nucleus', 'heterochromatin is tightly packed and mostly silent', 'c: ==highlight== markup around a Key Concepts bullet', 'Key Concepts'),
  g(OBS, 61, 'Ribosome', 'Protein factory of the cell', 'd: bold tagline under ## heading'),
  g(OBS, 65, 'Ribosome', 'make secreted and membrane proteins', 'plain bullet containing an Obsidian [[#anchor|alias]] wikilink'),
  g(OBS, 68, 'Endoplasmic reticulum', 'Network of membrane sacs and tubes', 'd,h: tagline of "## Endoplasmic reticulum (ER)"; "ER" is an alias, the term is the full name'),
  g(OBS, 70, 'Rough ER', 'surface studded with ribosomes', 'a: child of term bullet under an aliased heading'),
  g(OBS, 76, 'Smooth ER', 'detoxifies drugs and alcohol in liver cells', 'a: child of term bullet'),
  g(OBS, 80, 'Golgi apparatus', 'Post office of the cell', 'd: bold tagline under ## heading'),
  g(OBS, 87, 'Lysosome', 'works at about pH 5', 'd: bold tagline under ## heading'),
  g(OBS, 92, 'Lysosomal storage diseases', 'Tay-Sachs disease, Pompe disease, Gaucher disease', 'e: **Examples**: list line under a ### term heading, one list fact', 'Examples'),
  g(OBS, 96, 'Transport across membranes', 'Passive transport goes down a gradient without ATP', 'd,h: tagline of the first of two sections on membrane transport'),
  g(OBS, 100, 'Facilitated diffusion', 'channel or carrier proteins', 'a: child of term bullet'),
  g(OBS, 103, 'Osmosis', 'net movement of water across a selectively permeable membrane', 'a: child of term bullet'),
  g(OBS, 107, 'Tonicity', 'hypotonic solution swells and may burst', 'f: titled callout "> [!tip] Tonicity": the title names what the callout text is about'),
  g(OBS, 111, 'Mitochondria', 'Krebs cycle in the matrix', 'a: child of "- Mitochondria (powerhouse of the cell)"; the parenthesis is a nickname'),
  g(OBS, 113, 'Mitochondria', 'own circular DNA and 70S ribosomes', 'a: third child of the same term bullet'),
  g(OBS, 115, 'Chloroplasts', 'thylakoid membranes', 'a: child of "- Chloroplasts (plants and algae only)"'),
  g(OBS, 119, 'Endosymbiotic theory', 'descend from free-living bacteria', 'f: titled callout "> [!note] Endosymbiotic theory"'),
  g(OBS, 122, 'Cytoskeleton', 'Network of protein filaments', 'd: bold tagline under ## heading'),
  g(OBS, 124, 'Microtubules', 'hollow tubes of tubulin', 'a: child of term bullet'),
  g(OBS, 128, 'Microfilaments', 'about 7 nm', 'a,h: child of "- Microfilaments (actin filaments)", alias in parentheses'),
  g(OBS, 134, 'Sodium-potassium pump', 'pushes 3 Na+ out and brings 2 K+ in', 'h: "Term: definition" bullet in "Membrane transport — active and bulk", a second section on the topic of "Transport across membranes"'),
  g(OBS, 136, 'Endocytosis', 'cell eating', 'a,h: child of the "Endocytosis: ..." bullet in the second membrane-transport section'),
  g(OBS, 138, 'Exocytosis', 'vesicles fuse with the plasma membrane', 'h: "Term: definition" bullet in the second membrane-transport section'),
  g(OBS, 144, 'Cell junctions', 'tight junctions, desmosomes, gap junctions', 'e: **Examples**: list line directly under a ## heading', 'Examples'),
  g(OBS, 146, 'Tight junctions', 'seal neighbouring cells together', 'a: child of term bullet'),
  g(OBS, 148, 'Gap junctions', 'connexons', 'a: child of term bullet'),

  // ---- vuepress-networking.md: VuePress page, ::: containers, badges, TOC, prev/next line
  g(VUE, 25, 'OSI model', 'Seven layers, from signals on the cable', 'd,h: tagline of the first ## section under the file-title H1 "Networking Fundamentals"'),
  g(VUE, 28, 'Data link layer', 'frames and MAC addresses', '"Term (alias): definition" bullet; "(L2)" is an alias'),
  g(VUE, 36, 'OSI model', 'Please Do Not Throw Sausage Pizza Away', 'f: text inside "::: tip Mnemonic" ... ":::" is a fact of the section'),
  g(VUE, 43, 'TCP', 'Connection-oriented and reliable', 'd: bold tagline under ### heading'),
  g(VUE, 45, 'TCP', 'three-way handshake: SYN, SYN-ACK, ACK', 'plain bullet of a ### term heading'),
  g(VUE, 52, 'TCP', 'web browsing', 'c: bullet under "#### Use Cases" label heading', 'Use Cases'),
  g(VUE, 58, 'UDP', 'Connectionless, best effort, no handshake', 'd: bold tagline under ### heading'),
  g(VUE, 65, 'UDP', 'DNS queries', 'c: bullet under "#### Use Cases" label heading', 'Use Cases'),
  g(VUE, 70, 'UDP', 'leaves reliability to the application', 'f: "::: warning" box after the Use Cases list; about UDP, attribute left open'),
  g(VUE, 76, 'SSH', '22', 'b: "SSH for encrypted remote shells and SCP. Port=22" -> term SSH, fact with the port'),
  g(VUE, 82, 'HTTPS', '443', 'b: "HTTPS (HTTP over TLS). Port=443" -> term HTTPS'),
  g(VUE, 83, 'RDP', '3389', 'b: "RDP to Windows desktops. Port=3389" -> term RDP'),
  g(VUE, 86, 'Well-known ports', 'are the well-known range', 'f: text inside "::: details Why 0–1023?" box; heading carries a <Badge> component that is not part of the term'),
  g(VUE, 93, 'IPv4', '32-bit address written as four decimal octets', 'd: bold tagline under ### heading'),
  g(VUE, 95, 'IPv4', '172.16.0.0/12', 'plain bullet of a ### term heading'),
  g(VUE, 101, 'IPv6', '128-bit address', 'd: bold tagline under ### heading'),
  g(VUE, 110, 'ARP', 'finds the MAC address that belongs to an IPv4 address', 'a,h: child of "- ARP (Address Resolution Protocol)"; expansion in parentheses is an alias'),
  g(VUE, 114, 'NAT', 'PAT (NAT overload)', 'a: child of "- NAT (Network Address Translation)"'),
  g(VUE, 117, 'DHCP', 'Discover, Offer, Request, Acknowledge', 'a: child of term bullet "- DHCP"'),
  g(VUE, 125, 'Switch', 'forwards frames only there', 'a: child of term bullet under "## Devices"'),
  g(VUE, 132, 'Devices', 'A VLAN splits one physical switch', 'f: text of a bare "::: tip" box is a fact of the section'),
  g(VUE, 137, 'Dynamic routing', 'Routers learn routes from their neighbours', 'd: bold tagline under ## heading'),
  g(VUE, 139, 'Dynamic routing', 'RIP, OSPF, EIGRP, BGP', 'e: **Examples**: list line; the names are not terms of their own here', 'Examples'),
  g(VUE, 143, 'RIP', '16 hops counts as unreachable', 'a: child of term bullet'),
  g(VUE, 145, 'OSPF', "Dijkstra's shortest-path-first", 'a: child of term bullet'),
  g(VUE, 149, 'BGP', 'TCP port 179', 'a: child of term bullet'),

  // ---- gitbook-pharmacology.md: GitBook page pasted as markdown, « nav », {% hint %}, back to top
  g(GIT, 21, 'NSAIDs', 'block cyclooxygenase (COX)', 'd,h: tagline of the first ## section under the page-title H1'),
  g(GIT, 23, 'NSAIDs', 'ibuprofen, naproxen, diclofenac, aspirin', 'e: **Examples**: list line under the tagline', 'Examples'),
  g(GIT, 27, 'NSAIDs', 'COX-1 is always active', 'c: bullet under "### How it works" label heading', 'How it works'),
  g(GIT, 35, 'NSAIDs', 'rheumatoid arthritis', 'c: bullet under "### Use Cases" label heading', 'Use Cases'),
  g(GIT, 39, 'NSAIDs', 'stomach ulcers and gastrointestinal bleeding', 'c: bullet under "### Adverse effects" label heading', 'Adverse effects'),
  g(GIT, 46, 'Selective COX-2 inhibitors', 'celecoxib, etoricoxib', 'e: a ### heading that is a real term (not a label) with its own **Examples**: line', 'Examples'),
  g(GIT, 49, 'Selective COX-2 inhibitors', 'higher risk of heart attack and stroke', 'plain bullet of a ### term heading'),
  g(GIT, 59, 'Aspirin', 'blocks COX irreversibly', 'd: bold tagline under ## heading'),
  g(GIT, 63, 'Aspirin', "Reye's syndrome", 'plain bullet of a ## term heading'),
  g(GIT, 70, 'Paracetamol', 'almost no anti-inflammatory effect', 'd: bold tagline under ## heading'),
  g(GIT, 72, 'Paracetamol', 'acetaminophen', 'h: alias given in a sentence ("Also called acetaminophen ...")'),
  g(GIT, 82, 'Paracetamol', 'Liver failure can show up two to four days after an overdose', 'f: text inside {% hint style="danger" %} ... {% endhint %}'),
  g(GIT, 89, 'Opioids', 'opioid receptors in the brain and spinal cord', 'd: bold tagline under ## heading'),
  g(GIT, 91, 'Opioids', 'morphine, codeine, oxycodone, fentanyl, tramadol', 'e: **Examples**: list line', 'Examples'),
  g(GIT, 95, 'Opioids', 'CYP2D6', 'c: bullet under "### Key Concepts" label heading', 'Key Concepts'),
  g(GIT, 102, 'Opioids', 'constipation', 'c: bullet under "### Adverse effects"', 'Adverse effects'),
  g(GIT, 106, 'Naloxone', 'competitive antagonist at the mu receptor', 'a: child of "- Naloxone (opioid antidote)", a term bullet placed after the Adverse effects list'),
  g(GIT, 113, 'Corticosteroids', 'Synthetic versions of cortisol', 'd: bold tagline under ## heading'),
  g(GIT, 115, 'Corticosteroids', 'prednisolone, hydrocortisone, dexamethasone', 'e: **Examples**: list line', 'Examples'),
  g(GIT, 119, 'Corticosteroids', 'immunosuppressive', 'c: bullet under "### Benefits" label heading', 'Benefits'),
  g(GIT, 129, 'Corticosteroids', 'taper the dose', 'f: text inside {% hint style="warning" %} box'),

  // ---- docusaurus-aws-analytics.md: Docusaurus page, <- Overview | Exam Guide ->, :::note boxes
  g(DOC, 23, 'Kinesis Data Streams', 'split into shards', 'd,h: tagline of a ### heading; the H1 "Analytics services" is the page title'),
  g(DOC, 25, 'Kinesis Data Streams', '24 hours by default', 'plain bullet of a ### term heading'),
  g(DOC, 30, 'Amazon Data Firehose', 'S3, Redshift, OpenSearch and Splunk', 'd: bold tagline under ### heading'),
  g(DOC, 31, 'Amazon Data Firehose', 'formerly called Kinesis Data Firehose', 'h: former name given as a bullet'),
  g(DOC, 36, 'Amazon Data Firehose', 'clickstream', 'c: bullet under "#### Use Cases"', 'Use Cases'),
  g(DOC, 46, 'Amazon EMR', 'Managed clusters for Hadoop, Spark, Hive and Presto', 'd: bold tagline under ## heading'),
  g(DOC, 50, 'Primary node', 'three for high availability', 'a,h: child of "- Primary node (formerly master node)"'),
  g(DOC, 54, 'Task nodes', 'Spot Instances', 'a: child of term bullet'),
  g(DOC, 57, 'Zeppelin notebooks', '8890', 'b: "Zeppelin notebooks for Spark. Port=8890" -> term Zeppelin notebooks'),
  // The name runs to the first "for": "Hue web UI", as "Zeppelin notebooks" does on line 57.
  g(DOC, 58, 'Hue web UI', '8888', 'b: "Hue web UI for Hive queries and HDFS browsing. Port=8888" -> term Hue web UI'),
  g(DOC, 60, 'Spark history server', '18080', 'b: "Spark history server. Port=18080" (the whole sentence is the name)'),
  g(DOC, 64, 'Amazon EMR', 'EMRFS lets a cluster read and write S3 directly', 'f: text inside ":::note" ... ":::"'),
  g(DOC, 70, 'AWS Glue', 'Serverless ETL service', 'd: bold tagline under ## heading'),
  g(DOC, 74, 'AWS Glue', 'job bookmarks', 'c: bullet under "### Features" label heading', 'Features'),
  g(DOC, 78, 'Glue DataBrew', 'no-code tool for cleaning', 'd: tagline of a ### term heading placed right after a ### label heading'),
  g(DOC, 84, 'Amazon Athena', 'Serverless SQL queries over data sitting in S3', 'd: bold tagline under ## heading'),
  g(DOC, 89, 'Amazon Athena', 'querying CloudTrail logs', 'e: **Examples**: line after the bullets', 'Examples'),
  g(DOC, 97, 'Amazon Redshift', 'AUTO, EVEN, KEY and ALL', 'plain bullet of a ## term heading'),
  g(DOC, 101, 'Amazon Redshift', 'concurrency scaling', 'c: bullet under "### Benefits" label heading', 'Benefits'),
  g(DOC, 104, 'Amazon Redshift', 'built for OLAP', 'f: ":::warning" box after the Benefits list; about Redshift, attribute left open'),

  // ---- anki-linux-lvm.txt: Anki export with #separator:semicolon header, tags column, question fronts
  g(LVM, 7, 'What does pvcreate do?', 'Initialises a disk or partition as an LVM physical volume', 'g: question-front card in a deck of "What does X do?" siblings; tags column not part of the fact'),
  g(LVM, 14, 'What does vgcreate do?', 'Creates a volume group from one or more physical volumes', 'g: question-front sibling card'),
  g(LVM, 15, 'What does vgextend do?', 'Adds one or more physical volumes to an existing volume group', 'g: question-front sibling card'),
  g(LVM, 28, 'What does lvextend do?', 'with -r it grows the filesystem in the same step', 'g: back quoted because it contains the ; separator'),
  g(LVM, 29, 'What does lvreduce do?', 'shrink the filesystem first', 'g: quoted back with a semicolon inside'),
  g(LVM, 35, 'What does lvconvert do?', 'merges a snapshot back into its origin', 'g: quoted back; text after the inner ; is still the answer'),
  g(LVM, 39, 'Which command creates a snapshot of /dev/vg0/data?', 'lvcreate -s -n data_snap', 'g: question-front card with a command answer'),
  g(LVM, 42, 'Which fdisk partition type marks a partition for LVM?', '8e (Linux LVM)', 'g: question-front card, quoted back'),
  g(LVM, 47, 'What is a physical extent?', '4 MiB by default', 'g: "What is X?" question-front card, quoted back'),
  g(LVM, 53, 'Can you shrink an XFS filesystem?', 'No, XFS can only grow', 'g: yes/no question card'),
  g(LVM, 54, 'Can a volume group span several physical disks?', 'Yes', 'g: yes/no card whose whole answer is "Yes"'),
  g(LVM, 59, 'PV', 'Physical volume: a disk or partition initialised for LVM', 'g: term-front abbreviation card'),
  g(LVM, 63, 'Order of commands to build LVM on a new disk', 'pvcreate, then vgcreate, then lvcreate', 'g: term-front card, last line of the file'),

  // ---- anki-noheader-cell-biology.txt: ; separated, no # header, some HTML in answers
  g(BIO, 1, 'Which enzyme unwinds DNA?', 'Helicase', 'g: first line of a header-less ; export; question-front card'),
  g(BIO, 3, 'Which enzyme joins Okazaki fragments?', 'DNA ligase', 'g: "Which enzyme ...?" sibling card'),
  g(BIO, 7, 'Which enzyme extends telomeres?', 'Telomerase', 'g: "Which enzyme ...?" sibling card'),
  g(BIO, 12, 'In which direction does DNA polymerase build a new strand?', "5' to 3'", "g: answer full of apostrophes (5' to 3')"),
  g(BIO, 16, 'Semi-conservative replication', 'Meselson and Stahl, 1958', 'g: term-front card'),
  g(BIO, 19, 'G1 phase', 'checkpoint before S checks for DNA damage', 'g: quoted back with a semicolon inside, no header to announce the quoting'),
  g(BIO, 26, 'Metaphase', 'metaphase plate', 'g: term-front card'),
  g(BIO, 30, 'What does p53 do?', 'Stops the cycle at G1/S', 'g: "What does X do?" sibling card'),
  g(BIO, 38, 'Mitosis vs meiosis', '4 varied haploid cells', 'g: answer with an HTML <br> line break'),
  g(BIO, 39, 'Is mitosis used for growth and tissue repair?', 'Yes', 'g: yes/no card'),
  g(BIO, 40, 'Do mature mammalian red blood cells have a nucleus?', 'No, they lose it while maturing', 'g: yes/no card'),
  g(BIO, 47, 'Stop codons', 'UAA, UAG and UGA', 'g: term-front card with a list answer'),
  g(BIO, 61, 'Nonsense mutation', 'turns a codon into a stop codon', 'g: answer with <b>...</b> markup the author meant as bold'),
  g(BIO, 63, 'Tumour suppressor gene', 'TP53 or RB1', 'g: quoted back, last line'),

  // ---- quizlet-pharmacology.txt: Quizlet export, term TAB definition
  g(QZ, 1, 'Metoprolol', 'Cardioselective beta-1 blocker', 'g: Quizlet tab-separated card, first line'),
  g(QZ, 3, 'Lisinopril', 'angiotensin I being converted to angiotensin II', 'g: Quizlet card'),
  g(QZ, 8, 'Furosemide', 'Na-K-2Cl cotransporter', 'g: Quizlet card'),
  g(QZ, 15, 'Heparin reversal', 'Protamine sulfate', 'g: Quizlet card with a short answer'),
  g(QZ, 19, 'Glyceryl trinitrate', 'Releases nitric oxide', 'g,h: "Glyceryl trinitrate (GTN)" — abbreviation in parentheses is an alias'),
  g(QZ, 26, 'Ciprofloxacin', 'DNA gyrase', 'g: Quizlet card'),
  g(QZ, 29, 'Rifampicin', 'turns urine and tears orange', 'g: Quizlet card, definition with semicolons (no quoting in Quizlet exports)'),
  g(QZ, 52, 'Benzodiazepine antidote', 'Flumazenil', 'g: Quizlet card'),
  g(QZ, 60, 'Adrenaline', '0.5 mg IM', 'g,h: "Adrenaline (epinephrine)" — alias in parentheses'),
  g(QZ, 66, 'Half-life', 'about 4-5 half-lives', 'g: Quizlet card'),
  g(QZ, 69, 'CYP450 inducers', 'carbamazepine', 'g: Quizlet card whose definition is a list of names'),

  // ---- csv-world-history.csv: term,definition,unit CSV with quoting and one damaged row
  g(CSV, 2, 'Magna Carta', 'sealed by King John in 1215, limiting', 'g: first data row after the header; quoted field with a comma'),
  g(CSV, 4, "Hundred Years' War", 'England and France (1337–1453)', 'g: unquoted field, apostrophe in the term'),
  g(CSV, 9, 'Peace of Augsburg', 'cuius regio, eius religio', 'g: quoted field with doubled "" quotes and a comma inside'),
  g(CSV, 17, 'Louis XIV', 'known as the "Sun King"', 'g: doubled quotes "" inside a quoted field become one "'),
  g(CSV, 25, 'French Revolution', 'Bastille was stormed on 14 July 1789', 'g: quoted field with a semicolon'),
  g(CSV, 33, 'Industrial Revolution', 'starting in Britain in the late 18th century', 'g: the row right after the damaged "Congress of Vienna" row (unclosed quote) must survive'),
  g(CSV, 34, 'Spinning jenny', 'James Hargreaves', 'g: second row after the damaged row'),
  g(CSV, 43, 'Who was assassinated in Sarajevo on 28 June 1914?', 'Archduke Franz Ferdinand', 'g: question-front CSV card'),
  g(CSV, 46, 'Who led the Bolsheviks in the October Revolution?', 'Vladimir Lenin', 'g: question-front CSV card'),
  g(CSV, 49, 'Did the United States join the League of Nations?', 'No, the US Senate never ratified', 'g: yes/no CSV card'),
  g(CSV, 58, 'D-Day', 'Normandy on 6 June 1944', 'g: CSV card'),
  g(CSV, 62, 'Truman Doctrine', 'containment', 'g: unquoted CSV card'),
  g(CSV, 67, 'Cuban Missile Crisis', 'October 1962', 'g: CSV card'),
  g(CSV, 70, 'Indian independence', 'partition into India and Pakistan', 'g: last row of the file'),

  // ---- outline-organic-chemistry.txt: outliner export, "- " bullets, 2 spaces per level
  g(OUT, 7, 'Alkanes', 'CnH2n+2', 'a: child of term bullet "Alkanes" under section bullet "Functional groups"'),
  g(OUT, 8, 'Alkanes', 'methane, ethane, propane, butane', 'e: "- Examples: ..." label bullet listing names', 'Examples'),
  g(OUT, 12, 'Alkenes', 'ethene, propene, cyclohexene', 'e: "- Examples: ..." label bullet', 'Examples'),
  g(OUT, 14, 'Alcohols', 'hydrogen bonding gives higher boiling points', 'a,h: child of "- Alcohols (-OH)"; the group formula in parentheses is an alias'),
  g(OUT, 19, 'Aldehydes', 'silver mirror', "a: child of \"- Aldehydes (R-CHO)\""),
  g(OUT, 31, 'Methane', 'CH4', 'b: "Methane, simplest alkane. Formula=CH4" (un-bulleted line)'),
  g(OUT, 32, 'Ethanol', '78', 'b: "Ethanol, the alcohol in drinks. bp=78 °C"'),
  g(OUT, 34, 'Acetic acid', '4.76', 'b: "Acetic acid, the acid in vinegar. pKa=4.76"'),
  g(OUT, 36, 'Benzene', 'C6H6', 'b: "Benzene, planar aromatic ring. Formula=C6H6"'),
  g(OUT, 45, 'Enantiomers', 'non-superimposable mirror images', 'a: child of a term bullet nested inside another term bullet (Stereoisomers)'),
  g(OUT, 48, 'Diastereomers', 'not mirror images', 'a: child of nested term bullet'),
  g(OUT, 49, 'Chiral carbon', 'four different groups', '"Term: definition" bullet'),
  g(OUT, 55, 'SN2', 'attacks from the back', 'c: bullet under label bullet "How it works" under term bullet SN2', 'How it works'),
  g(OUT, 58, 'SN2', 'second order', 'c: bullet under label bullet "Features"', 'Features'),
  g(OUT, 62, 'SN1', 'carbocation', 'c: under "How it works" of the sibling term SN1', 'How it works'),
  g(OUT, 65, 'SN1', 'racemic mixture', 'c: under "Features" of SN1', 'Features'),
  g(OUT, 72, 'E2', 'potassium tert-butoxide', 'a: child of term bullet'),
  g(OUT, 75, "Zaitsev's rule", 'more substituted alkene', '"Term: definition" bullet'),
  g(OUT, 79, "Markovnikov's rule", 'carbon that already has more hydrogens', 'a: child of term bullet'),
  g(OUT, 86, "Hückel's rule", '4n+2 pi electrons', '"Term: definition" bullet with a non-ASCII letter in the term'),
  g(OUT, 89, 'Electrophilic aromatic substitution', 'nitration, halogenation', 'e: "- Examples: ..." label bullet under a term bullet', 'Examples'),
  g(OUT, 97, 'Grignard reagents', 'alkyl halide and magnesium in dry ether', 'a,h: child of "- Grignard reagents (RMgX)"'),
  g(OUT, 100, 'Grignard reagents', 'tertiary alcohols', 'c: under label bullet "Use Cases"', 'Use Cases'),
  g(OUT, 103, 'Grignard reagents', 'strong nucleophile and base', 'c: under label bullet "Key Concepts"', 'Key Concepts'),
  g(OUT, 107, 'IR carbonyl stretch', '1680-1750', 'b: "IR carbonyl stretch. Range=1680-1750 cm-1"'),
];

export const FIXTURE_NEGATIVE: FixtureNegative[] = [
  // obsidian-cell-biology.md
  { file: OBS, line: 2, why: 'YAML front matter (title:)' },
  { file: OBS, line: 3, why: 'YAML front matter (tags:)' },
  { file: OBS, line: 4, why: 'YAML front matter (date:)' },
  { file: OBS, line: 11, why: 'Dataview navigation field up:: [[Biology MOC]]' },
  { file: OBS, line: 13, why: 'bare callout marker > [!info]' },
  { file: OBS, line: 33, why: 'bare callout marker > [!warning]' },
  { file: OBS, line: 140, why: 'bare callout marker > [!example]' },
  { file: OBS, line: 152, why: 'footer of related-page links' },
  { file: OBS, line: 153, why: 'tag line #biology/cells' },
  // vuepress-networking.md
  { file: VUE, line: 2, why: 'YAML front matter (title:)' },
  { file: VUE, line: 3, why: 'YAML front matter (sidebarDepth:)' },
  { file: VUE, line: 12, why: 'shields.io badges' },
  { file: VUE, line: 14, why: '[[toc]] placeholder' },
  { file: VUE, line: 16, why: 'table of contents anchor link' },
  { file: VUE, line: 18, why: 'table of contents anchor link' },
  { file: VUE, line: 35, why: 'container marker ::: tip Mnemonic' },
  { file: VUE, line: 37, why: 'container end marker :::' },
  { file: VUE, line: 69, why: 'container marker ::: warning' },
  { file: VUE, line: 71, why: 'container end marker :::' },
  { file: VUE, line: 131, why: 'container marker ::: tip' },
  { file: VUE, line: 133, why: 'container end marker :::' },
  { file: VUE, line: 151, why: 'back to top link' },
  { file: VUE, line: 153, why: 'previous/next navigation line' },
  // gitbook-pharmacology.md
  { file: GIT, line: 1, why: 'HTML anchor <a name="top">' },
  { file: GIT, line: 5, why: 'shields.io badges' },
  { file: GIT, line: 7, why: 'navigation line « Overview | Exam Guide »' },
  { file: GIT, line: 11, why: 'table of contents anchor link' },
  { file: GIT, line: 14, why: 'table of contents anchor link' },
  { file: GIT, line: 51, why: 'hint marker {% hint style="info" %}' },
  { file: GIT, line: 53, why: 'hint end marker {% endhint %}' },
  { file: GIT, line: 55, why: 'back to top link' },
  { file: GIT, line: 81, why: 'hint marker {% hint style="danger" %}' },
  { file: GIT, line: 83, why: 'hint end marker {% endhint %}' },
  { file: GIT, line: 128, why: 'hint marker {% hint style="warning" %}' },
  { file: GIT, line: 132, why: 'back to top link' },
  { file: GIT, line: 136, why: 'navigation line « Overview | Exam Guide »' },
  { file: GIT, line: 138, why: 'page footer "Last updated ..."' },
  { file: GIT, line: 140, why: 'page footer "Was this page helpful?" (not a question card)' },
  // docusaurus-aws-analytics.md
  { file: DOC, line: 2, why: 'YAML front matter (id:)' },
  { file: DOC, line: 4, why: 'YAML front matter (sidebar_position:)' },
  { file: DOC, line: 7, why: 'shields.io badges' },
  { file: DOC, line: 9, why: 'navigation line <- Overview | Exam Guide ->' },
  { file: DOC, line: 13, why: '"On this page:" table of contents label' },
  { file: DOC, line: 14, why: 'table of contents anchor link' },
  { file: DOC, line: 39, why: 'admonition marker :::tip' },
  { file: DOC, line: 41, why: 'admonition end marker :::' },
  { file: DOC, line: 43, why: 'back to top link' },
  { file: DOC, line: 63, why: 'admonition marker :::note' },
  { file: DOC, line: 103, why: 'admonition marker :::warning' },
  { file: DOC, line: 114, why: 'navigation line <- Overview | Exam Guide ->' },
  { file: DOC, line: 116, why: 'back to top link' },
  // anki-linux-lvm.txt
  { file: LVM, line: 1, why: 'Anki header #separator:semicolon' },
  { file: LVM, line: 2, why: 'Anki header #html:false' },
  { file: LVM, line: 5, why: 'Anki header #columns:Front;Back;Tags' },
  { file: LVM, line: 6, why: 'Anki header #tags column:3' },
  { file: LVM, line: 18, why: 'placeholder answer TODO' },
  { file: LVM, line: 19, why: 'placeholder answer ...' },
  { file: LVM, line: 25, why: 'placeholder answer PASS' },
  { file: LVM, line: 32, why: 'placeholder answer ?' },
  // anki-noheader-cell-biology.txt
  { file: BIO, line: 11, why: 'placeholder answer TBD' },
  { file: BIO, line: 34, why: 'placeholder answer ...' },
  { file: BIO, line: 56, why: 'placeholder answer ?' },
  // quizlet-pharmacology.txt
  { file: QZ, line: 62, why: 'placeholder answer TBD' },
  { file: QZ, line: 64, why: 'placeholder answer ?' },
  // csv-world-history.csv
  { file: CSV, line: 1, why: 'CSV column header term,definition,unit' },
  { file: CSV, line: 19, why: 'placeholder answer TODO' },
  { file: CSV, line: 69, why: 'placeholder answer ?' },
  // outline-organic-chemistry.txt
  { file: OUT, line: 2, why: 'export note "(outline export, midterm 2 revision)", not a fact' },
];
