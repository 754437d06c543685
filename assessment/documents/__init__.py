"""The 通报 rendered as files: PNG charts (Pillow), the PDF (reportlab) and the .docx (python-docx)."""
