"""Test tables derived from the Microsoft Recognizers-Text English specs (MIT), and the code that
builds them (``convert``) and measures numcheck against them (``agreement``). See README.md."""
