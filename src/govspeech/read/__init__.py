"""Reading inputs: bytes to decoded text (`source`: text files in any Chinese encoding), Word
files (`docx`) and web pages (`html`) to their text, and the choice between them (`formats`).
Every reader returns text whose lines the parser positions refer to."""
