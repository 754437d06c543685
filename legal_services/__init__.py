"""Legal-services green channel: service guides, consultations, legal aid and the law library."""
