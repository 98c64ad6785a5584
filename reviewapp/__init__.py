"""评查工作台 core: domain rules, storage, services, exports. Never imports Qt."""

APP_NAME = "ReviewWorkbench"
APP_DISPLAY_NAME = "评查工作台"
ORG_NAME = "ReviewWorkbench"
__version__ = "0.1.0"
